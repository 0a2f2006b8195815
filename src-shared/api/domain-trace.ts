import { z } from 'zod';
import { isoDate, lotStatus, supplierStanding } from '../events/schemas';
import { defineCall } from './define';
import { bilingual, lotSummary } from './domain-intake';

/** What a trace search looks for: a lot is found by any of these. */
export const TRACE_QUERY_KINDS = [
  'lot',
  'gtin',
  'sscc',
  'serial',
  'supplier',
  'delivery',
  'inspector',
  'dates',
] as const;
export const traceQueryKind = z.enum(TRACE_QUERY_KINDS);
export type TraceQueryKind = z.infer<typeof traceQueryKind>;

/** What a timeline entry is about, for the lot page's icons and grouping. */
export const TRACE_ENTRY_KINDS = [
  'received',
  'scan',
  'shelf-life',
  'inspection-started',
  'inspection-unit',
  'inspection-completed',
  'inspection-skipped',
  'decided',
  'returned',
  'stock',
  'other',
] as const;
export const traceEntryKind = z.enum(TRACE_ENTRY_KINDS);
export type TraceEntryKind = z.infer<typeof traceEntryKind>;

/**
 * One fact of a lot's timeline; a run of scans in a row is one entry (`count` scans, from `seq`
 * to `lastSeq`; `id` and `hash` are the first scan's).
 */
export const traceEntry = z.object({
  seq: z.number().int(),
  lastSeq: z.number().int(),
  count: z.number().int().positive(),
  id: z.string(),
  recordedAt: z.number().int(),
  type: z.string(),
  kind: traceEntryKind,
  actor: z.string(),
  actorName: z.string().nullable(),
  /** One line in each language. */
  summary: bilingual,
  /** Consumer units the scans counted into the lot. */
  units: z.number().int().nullable(),
  /** SHA-256 of the photos recorded with an inspected unit. */
  photos: z.array(z.string()),
  /** A QC manager's sign-off on a decision. */
  signOff: z.object({ name: z.string(), meaning: z.string() }).nullable(),
  hash: z.string(),
});
export type TraceEntry = z.infer<typeof traceEntry>;

export const traceLotPage = z.object({
  lot: lotSummary.extend({
    production: z.string().nullable(),
    skuNameZh: z.string().nullable(),
  }),
  delivery: z.object({
    deliveryId: z.string(),
    number: z.string(),
    status: z.string(),
    expectedDate: z.string(),
    ssccs: z.array(z.string()),
  }),
  supplier: z.object({
    supplierId: z.string(),
    code: z.string(),
    name: z.string(),
    standing: supplierStanding,
  }),
  /** Where it went, as far as the station knows. */
  whereabouts: z.object({
    status: lotStatus,
    stockStatus: z.string(),
    locationNote: z.string().nullable(),
    returnedUnits: z.number().int(),
  }),
  /** The delivery's other lots, in the order they were received. */
  otherLots: z.array(
    z.object({
      lotId: z.string(),
      gtin: z.string(),
      lot: z.string(),
      quantity: z.number().int(),
      status: lotStatus,
    }),
  ),
  timeline: z.array(traceEntry),
});
export type TraceLotPage = z.infer<typeof traceLotPage>;

export const traceCalls = {
  'trace.search': defineCall({
    summary:
      'Lots found by lot code, GTIN (any packaging level), SSCC, serial, supplier, delivery number, inspector or a range of receipt dates.',
    access: 'signed-in',
    input: z
      .object({
        kind: traceQueryKind,
        value: z.string().trim().max(200).default(''),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ lots: z.array(lotSummary), truncated: z.boolean() }),
  }),
  'trace.lot': defineCall({
    summary:
      "A lot's page: its timeline from the log, its delivery and supplier, the delivery's other lots and where it went.",
    access: 'signed-in',
    input: z.object({ lotId: z.string().min(1).max(100) }).strict(),
    output: traceLotPage,
  }),
  'trace.fromScan': defineCall({
    summary:
      "The lots a scanned item belongs to (GS1 GTIN + lot, or a serial): a returned item's barcode opens its lot.",
    access: 'signed-in',
    input: z.object({ data: z.string().min(1).max(2000) }).strict(),
    output: z.object({ lotIds: z.array(z.string()) }),
  }),
};
