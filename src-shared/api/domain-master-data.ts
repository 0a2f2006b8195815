import { z } from 'zod';
import { defineCall } from './define';
import { supplierAudit, supplierDocument, supplierStanding } from '../events/schemas';

export const supplierSummary = z.object({
  supplierId: z.string(),
  code: z.string(),
  name: z.string(),
  standing: supplierStanding,
  contact: z.string(),
  /** Earliest expiry among documents and audits; null when it has none. */
  nextExpiry: z.string().nullable(),
  expiredDocuments: z.array(z.string()),
  auditValidUntil: z.string().nullable(),
  auditExpired: z.boolean(),
});
export type SupplierSummary = z.infer<typeof supplierSummary>;

export const supplierDetail = supplierSummary.extend({
  cumulativeSalesCny: z.number(),
  documents: z.array(supplierDocument),
  audits: z.array(supplierAudit),
});

export const skuSummary = z.object({
  skuId: z.string(),
  gtin: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  brand: z.string(),
  category: z.string(),
  shelfLifeDays: z.number().nullable(),
});
export type SkuSummary = z.infer<typeof skuSummary>;

export const masterDataCalls = {
  'suppliers.list': defineCall({
    summary: 'Every supplier with its standing and document/audit validity.',
    access: 'signed-in',
    input: z.object({ search: z.string().max(100).optional() }).strict(),
    output: z.array(supplierSummary),
  }),
  'suppliers.get': defineCall({
    summary: "One supplier's documents and audits.",
    access: 'signed-in',
    input: z.object({ supplierId: z.string().min(1).max(64) }).strict(),
    output: supplierDetail,
  }),
  'skus.list': defineCall({
    summary: 'SKUs, optionally filtered by category or text.',
    access: 'signed-in',
    input: z
      .object({ category: z.string().max(40).optional(), search: z.string().max(100).optional() })
      .strict(),
    output: z.array(skuSummary),
  }),
};
