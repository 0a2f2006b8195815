import { z } from 'zod';
import { defineCall } from './define';
import { lotStatus, scanSource, supplierStanding } from '../events/schemas';

export const deliverySummary = z.object({
  deliveryId: z.string(),
  number: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  supplierStanding,
  expectedDate: z.string(),
  status: z.enum(['expected', 'open', 'closed', 'refused']),
  expectedUnits: z.number().int(),
  receivedUnits: z.number().int(),
  lineCount: z.number().int(),
});
export type DeliverySummary = z.infer<typeof deliverySummary>;

export const lotSummary = z.object({
  lotId: z.string(),
  deliveryId: z.string(),
  deliveryNumber: z.string(),
  supplierName: z.string(),
  gtin: z.string(),
  skuName: z.string().nullable(),
  category: z.string().nullable(),
  lot: z.string(),
  quantity: z.number().int(),
  expiry: z.string().nullable(),
  status: lotStatus,
  receivedOn: z.string(),
});
export type LotSummary = z.infer<typeof lotSummary>;

export const scanResult = z.object({
  scanId: z.string(),
  seq: z.number().int(),
  source: scanSource,
  data: z.string(),
  valid: z.boolean(),
  gtin: z.string().nullable(),
  lot: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['ok', 'warning', 'error']),
  recordedAt: z.number().int(),
  /** A double read (same data, same device, within 300 ms): nothing new was recorded. */
  duplicate: z.boolean(),
});
export type ScanResult = z.infer<typeof scanResult>;

export const intakeCalls = {
  'intake.deliveries': defineCall({
    summary: 'Deliveries expected on a day (default today) and any still open.',
    access: 'signed-in',
    input: z
      .object({
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .strict(),
    output: z.array(deliverySummary),
  }),
  'intake.lots': defineCall({
    summary: 'Lots received, newest first, optionally by status.',
    access: 'signed-in',
    input: z
      .object({
        status: lotStatus.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.array(lotSummary),
  }),
  'scan.submit': defineCall({
    summary: 'A scan from the keyboard wedge, the simulator or a manual entry enters the pipeline.',
    access: 'signed-in',
    input: z
      .object({
        data: z.string().min(1).max(2000),
        source: z.enum(['wedge', 'simulator', 'manual', 'camera']),
      })
      .strict(),
    output: scanResult,
  }),
  'scan.examples': defineCall({
    summary: 'Example barcodes for the demo scanner simulator.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: z.array(z.object({ label: z.string(), data: z.string() })),
  }),
};
