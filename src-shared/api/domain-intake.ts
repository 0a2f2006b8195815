import { z } from 'zod';
import { defineCall } from './define';
import { lotStatus, scanSource, supplierStanding } from '../events/schemas';

/** A sentence the station says, in both languages the UI speaks. */
export const bilingual = z.object({ en: z.string(), zh: z.string() });
export type Bilingual = z.infer<typeof bilingual>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const deliveryId = z.string().min(1).max(64);

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
  adHoc: z.boolean(),
  flaggedForReview: z.boolean(),
  /** Scans count into this delivery now. */
  active: z.boolean(),
});
export type DeliverySummary = z.infer<typeof deliverySummary>;

export const gateResult = z.object({
  verdict: z.enum(['allow', 'warn', 'refuse']),
  reasons: z.array(
    bilingual.extend({ code: z.string(), verdict: z.enum(['allow', 'warn', 'refuse']) }),
  ),
  forceTightened: z.boolean(),
});
export type GateResultView = z.infer<typeof gateResult>;

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
  /** Shelf life at receipt: within the rule, too short, no date yet, or not date-bound. */
  shelf: z.enum(['ok', 'short', 'dates-missing', 'none']),
  shelfReason: bilingual.nullable(),
  removalDate: z.string().nullable(),
});
export type LotSummary = z.infer<typeof lotSummary>;

export const deliveryLine = z.object({
  lineNo: z.number().int(),
  gtin: z.string(),
  name: z.string().nullable(),
  nameZh: z.string().nullable(),
  expected: z.number().int(),
  received: z.number().int(),
  unexpected: z.boolean(),
  state: z.enum(['complete', 'short', 'over', 'unexpected', 'missing']),
});
export type DeliveryLineView = z.infer<typeof deliveryLine>;

export const quarantineItem = z.object({
  gtin: z.string(),
  units: z.number().int(),
  identifiedSkuId: z.string().nullable(),
  identifiedSkuName: z.string().nullable(),
});

export const discrepancy = bilingual.extend({
  kind: z.enum(['short', 'over', 'unexpected', 'missing', 'unidentified']),
  gtin: z.string(),
  expected: z.number().int(),
  received: z.number().int(),
});

export const closeSummary = z.object({
  expectedUnits: z.number().int(),
  receivedUnits: z.number().int(),
  discrepancies: z.array(discrepancy),
  quarantinedUnits: z.number().int(),
  unidentifiedItems: z.number().int(),
  lotsAwaitingInspection: z.number().int(),
});
export type CloseSummary = z.infer<typeof closeSummary>;

export const scanSeverity = z.enum(['ok', 'warning', 'error']);

export const scanResult = z.object({
  scanId: z.string(),
  seq: z.number().int(),
  source: scanSource,
  data: z.string(),
  valid: z.boolean(),
  gtin: z.string().nullable(),
  lot: z.string().nullable(),
  /** What happened, in English; `messageZh` in Simplified Chinese. */
  message: z.string(),
  messageZh: z.string(),
  severity: scanSeverity,
  recordedAt: z.number().int(),
  /** A double read (same data, same device, within 300 ms): nothing new was recorded. */
  duplicate: z.boolean(),
  outcome: z.string(),
  deliveryId: z.string().nullable(),
  skuName: z.string().nullable(),
  units: z.number().int(),
  warnings: z.array(bilingual),
  /** The lot the scan was counted into. */
  lotId: z.string().nullable().optional(),
  /** The barcode carried no usable date: ask the inspector for the lot's expiry. */
  promptDates: z.boolean().optional(),
});
export type ScanResult = z.infer<typeof scanResult>;

export const scanEntry = z.object({
  seq: z.number().int(),
  recordedAt: z.number().int(),
  source: z.string(),
  data: z.string(),
  outcome: z.string(),
  message: z.string(),
});

export const deliveryDetail = z.object({
  delivery: deliverySummary,
  gate: gateResult,
  refusal: z.array(bilingual.extend({ code: z.string() })).nullable(),
  lines: z.array(deliveryLine),
  lots: z.array(lotSummary),
  quarantine: z.array(quarantineItem),
  scans: z.array(scanEntry),
  summary: closeSummary,
});
export type DeliveryDetail = z.infer<typeof deliveryDetail>;

export const openResult = z.object({
  status: z.enum(['opened', 'refused']),
  detail: deliveryDetail,
});
export type OpenResult = z.infer<typeof openResult>;

export const intakeCalls = {
  'intake.deliveries': defineCall({
    summary: 'Deliveries expected on a day (default today) and any still open.',
    access: 'signed-in',
    input: z.object({ date: isoDate.optional() }).strict(),
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
  'intake.active': defineCall({
    summary: 'The delivery scans count into now, if any.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: deliveryDetail.nullable(),
  }),
  'intake.delivery': defineCall({
    summary: 'One delivery: lines, lots, quarantine, recent scans, discrepancies.',
    access: 'signed-in',
    input: z.object({ deliveryId }).strict(),
    output: deliveryDetail,
  }),
  'intake.open': defineCall({
    summary:
      'Opens a delivery (or makes an open one active) from the list or by its number or SSCC; the supplier gate may refuse it.',
    access: 'signed-in',
    input: z.union([
      z.object({ deliveryId }).strict(),
      z.object({ code: z.string().trim().min(1).max(60) }).strict(),
    ]),
    output: openResult,
  }),
  'intake.createAdHoc': defineCall({
    summary: 'An unexpected delivery: the supplier chosen by hand, flagged for review.',
    access: 'signed-in',
    input: z
      .object({
        supplierId: z.string().min(1).max(64),
        number: z.string().trim().max(40).optional(),
        reason: z.string().trim().min(3, 'say why there is no shipping notice').max(500),
      })
      .strict(),
    output: openResult,
  }),
  'intake.identify': defineCall({
    summary: 'Identifies an unknown GTIN in quarantine as one of the SKUs.',
    access: 'signed-in',
    input: z
      .object({
        deliveryId,
        gtin: z.string().regex(/^\d{8,14}$/),
        skuId: z.string().min(1).max(64),
      })
      .strict(),
    output: deliveryDetail,
  }),
  'intake.closePreview': defineCall({
    summary: 'What closing the delivery would record: expected vs received and every discrepancy.',
    access: 'signed-in',
    input: z.object({ deliveryId }).strict(),
    output: closeSummary,
  }),
  'intake.close': defineCall({
    summary: 'Closes the delivery with its summary, confirmed by the inspector.',
    access: 'signed-in',
    input: z.object({ deliveryId, confirmed: z.literal(true) }).strict(),
    output: closeSummary,
  }),
  'intake.refusalSlip': defineCall({
    summary: 'The refusal slip of a refused delivery, as a PDF.',
    access: 'signed-in',
    input: z.object({ deliveryId }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('application/pdf'),
      base64: z.string(),
    }),
  }),
  'scan.submit': defineCall({
    summary:
      'A scan from the keyboard wedge, the simulator, the camera or a manual entry enters the pipeline.',
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
