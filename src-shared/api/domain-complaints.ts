import { z } from 'zod';
import { defineCall } from './define';
import { gtin14, isoDate } from '../events/schemas';

const MANAGERS = ['qc-manager', 'admin'] as const;
const idIn = z.string().trim().min(1).max(64);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

export const COMPLAINT_SOURCES = ['customer-service', 'mystery-buyer', 'regulator'] as const;
export const complaintSource = z.enum(COMPLAINT_SOURCES);
export type ComplaintSource = z.infer<typeof complaintSource>;

export const COMPLAINT_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export const complaintStatus = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof complaintStatus>;

export const CAPA_STATUSES = ['open', 'verified', 'closed'] as const;
export const capaStatus = z.enum(CAPA_STATUSES);
export type CapaStatus = z.infer<typeof capaStatus>;

export const RECALL_LOT_STATES = ['open', 'found', 'pulled'] as const;
export const recallLotState = z.enum(RECALL_LOT_STATES);
export type RecallLotState = z.infer<typeof recallLotState>;

export const complaintView = z.object({
  complaintId: z.string(),
  source: complaintSource,
  description: z.string(),
  photos: z.array(z.string()),
  lotId: z.string().nullable(),
  gtin: z.string().nullable(),
  lot: z.string().nullable(),
  skuName: z.string().nullable(),
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  counterfeitSuspected: z.boolean(),
  receivedOn: isoDate,
  recordedBy: z.string(),
  inspectionId: z.string().nullable(),
  status: complaintStatus,
  counterfeit: z.boolean(),
  decisionReason: z.string().nullable(),
  decidedOn: isoDate.nullable(),
  decidedBy: z.string().nullable(),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const capaView = z.object({
  capaId: z.string(),
  supplierId: z.string(),
  supplierName: z.string().nullable(),
  complaintId: z.string().nullable(),
  rootCause: z.string(),
  actions: z.array(z.string()),
  dueDate: isoDate,
  status: capaStatus,
  overdue: z.boolean(),
  openedOn: isoDate,
  openedBy: z.string(),
  effective: z.boolean().nullable(),
  verifiedOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  notes: z.array(
    z.object({
      on: isoDate,
      by: z.string(),
      kind: z.enum(['updated', 'verified', 'closed']),
      note: z.string(),
    }),
  ),
});
export type CapaView = z.infer<typeof capaView>;

/** What a recall matches: at least one criterion; dates and lot numbers as inclusive ranges. */
export const recallCriteria = z
  .object({
    supplierId: idIn.optional(),
    gtin: gtin14.optional(),
    lotFrom: z.string().trim().min(1).max(20).optional(),
    lotTo: z.string().trim().min(1).max(20).optional(),
    receivedFrom: isoDate.optional(),
    receivedTo: isoDate.optional(),
  })
  .strict();
export type RecallCriteria = z.infer<typeof recallCriteria>;

const hasCriterion = (c: RecallCriteria) => Object.values(c).some((v) => v !== undefined);

export const recallLotView = z.object({
  lotId: z.string(),
  lot: z.string(),
  gtin: z.string(),
  skuName: z.string().nullable(),
  supplierId: z.string(),
  supplierName: z.string(),
  deliveryId: z.string(),
  deliveryNumber: z.string(),
  receivedOn: isoDate,
  quantity: z.number().int(),
  status: z.string(),
  stockStatus: z.string(),
  locationNote: z.string().nullable(),
  expiry: isoDate.nullable(),
});
export type RecallLotView = z.infer<typeof recallLotView>;

export const recallLotProgress = recallLotView.extend({
  state: recallLotState,
  foundOn: isoDate.nullable(),
  foundQuantity: z.number().int().nullable(),
  pulledOn: isoDate.nullable(),
  pulledQuantity: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type RecallLotProgress = z.infer<typeof recallLotProgress>;

export const recallSummary = z.object({
  recallId: z.string(),
  reason: z.string(),
  criteria: recallCriteria,
  status: z.enum(['open', 'closed']),
  openedOn: isoDate,
  openedBy: z.string(),
  closedOn: isoDate.nullable(),
  closeNote: z.string().nullable(),
  lots: z.number().int(),
  found: z.number().int(),
  pulled: z.number().int(),
});
export type RecallSummary = z.infer<typeof recallSummary>;

export const recallView = recallSummary.extend({ lotRows: z.array(recallLotProgress) });
export type RecallView = z.infer<typeof recallView>;

export const recallPreview = z.object({
  lots: z.array(recallLotView),
  /** Lots that would go on hold (those not already rejected). */
  toHold: z.number().int(),
  totalQuantity: z.number().int(),
  deliveries: z.number().int(),
});
export type RecallPreview = z.infer<typeof recallPreview>;

export const complaintsCalls = {
  'complaints.record': defineCall({
    summary:
      'Records a customer complaint; its lot is given by id, by GTIN + lot number, or by the scan of the returned item.',
    access: 'signed-in',
    input: z
      .object({
        source: complaintSource,
        description: z.string().trim().min(3).max(2000),
        photos: z.array(sha256).max(20).default([]),
        lotId: idIn.optional(),
        gtin: gtin14.optional(),
        lot: z.string().trim().min(1).max(20).optional(),
        scan: z.string().min(1).max(2000).optional(),
        counterfeitSuspected: z.boolean().default(false),
      })
      .strict()
      .refine((i) => Boolean(i.lotId) || Boolean(i.scan) || (Boolean(i.gtin) && Boolean(i.lot)), {
        message: 'give the lot: scan the returned item, or type its GTIN and lot number',
      }),
    output: complaintView,
  }),
  'complaints.list': defineCall({
    summary: 'Complaints, newest first, optionally by status or supplier.',
    access: 'signed-in',
    input: z.object({ status: complaintStatus.optional(), supplierId: idIn.optional() }).strict(),
    output: z.array(complaintView),
  }),
  'complaints.get': defineCall({
    summary: 'One complaint.',
    access: 'signed-in',
    input: z.object({ complaintId: idIn }).strict(),
    output: complaintView,
  }),
  'complaints.link': defineCall({
    summary: "Links a complaint to an inspection (by default its lot's latest).",
    access: 'signed-in',
    input: z.object({ complaintId: idIn, inspectionId: idIn.optional() }).strict(),
    output: complaintView,
  }),
  'complaints.decide': defineCall({
    summary:
      'A QC manager confirms or dismisses a complaint, with a reason; a confirmed counterfeit proposes the penalty.',
    access: MANAGERS,
    input: z
      .object({
        complaintId: idIn,
        decision: z.enum(['confirm', 'dismiss']),
        reason: z.string().trim().min(3).max(1000),
        counterfeit: z.boolean().default(false),
      })
      .strict()
      .refine((i) => !i.counterfeit || i.decision === 'confirm', {
        message: 'only a confirmed complaint can be counterfeit',
      }),
    output: complaintView,
  }),
  'capa.open': defineCall({
    summary: 'Opens a corrective action (CAPA) with a supplier.',
    access: MANAGERS,
    input: z
      .object({
        supplierId: idIn.optional(),
        complaintId: idIn.optional(),
        rootCause: z.string().trim().min(3).max(2000),
        actions: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
        dueDate: isoDate,
      })
      .strict()
      .refine((i) => Boolean(i.supplierId) || Boolean(i.complaintId), {
        message: 'give the supplier or the complaint',
      }),
    output: capaView,
  }),
  'capa.update': defineCall({
    summary: 'Progress on a corrective action: a note, and new actions or due date.',
    access: MANAGERS,
    input: z
      .object({
        capaId: idIn,
        note: z.string().trim().min(3).max(2000),
        actions: z.array(z.string().trim().min(1).max(500)).min(1).max(20).optional(),
        dueDate: isoDate.optional(),
      })
      .strict(),
    output: capaView,
  }),
  'capa.verify': defineCall({
    summary: 'A QC manager checks whether the actions worked.',
    access: MANAGERS,
    input: z
      .object({ capaId: idIn, effective: z.boolean(), note: z.string().trim().min(3).max(2000) })
      .strict(),
    output: capaView,
  }),
  'capa.close': defineCall({
    summary: 'Closes a corrective action verified effective.',
    access: MANAGERS,
    input: z.object({ capaId: idIn, note: z.string().trim().max(2000).default('') }).strict(),
    output: capaView,
  }),
  'capa.list': defineCall({
    summary: 'Corrective actions, newest first, optionally by status or supplier.',
    access: 'signed-in',
    input: z.object({ status: capaStatus.optional(), supplierId: idIn.optional() }).strict(),
    output: z.array(capaView),
  }),
  'recalls.preview': defineCall({
    summary: 'The lots recall criteria match, with their status, quantities and deliveries.',
    access: 'signed-in',
    input: recallCriteria.refine(hasCriterion, { message: 'give at least one criterion' }),
    output: recallPreview,
  }),
  'recalls.open': defineCall({
    summary: 'A QC manager opens a recall: the matching lots not already rejected go on hold.',
    access: MANAGERS,
    input: z
      .object({ reason: z.string().trim().min(3).max(1000), criteria: recallCriteria })
      .strict()
      .refine((i) => hasCriterion(i.criteria), {
        message: 'give at least one criterion',
        path: ['criteria'],
      }),
    output: recallView,
  }),
  'recalls.list': defineCall({
    summary: 'Recalls, newest first, with their progress.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: z.array(recallSummary),
  }),
  'recalls.get': defineCall({
    summary: 'One recall with each of its lots and their progress.',
    access: 'signed-in',
    input: z.object({ recallId: idIn }).strict(),
    output: recallView,
  }),
  'recalls.markLot': defineCall({
    summary: "Progress of a recall: a lot's goods found, or pulled from sale.",
    access: 'signed-in',
    input: z
      .object({
        recallId: idIn,
        lotId: idIn,
        state: z.enum(['found', 'pulled']),
        quantity: z.number().int().nonnegative().optional(),
        note: z.string().trim().max(500).default(''),
      })
      .strict(),
    output: recallView,
  }),
  'recalls.close': defineCall({
    summary: 'A QC manager closes a recall.',
    access: MANAGERS,
    input: z.object({ recallId: idIn, note: z.string().trim().max(1000).default('') }).strict(),
    output: recallView,
  }),
  'recalls.export': defineCall({
    summary: 'A recall’s lots and progress as CSV (UTF-8 with BOM, CRLF, header row).',
    access: 'signed-in',
    input: z.object({ recallId: idIn }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('text/csv'),
      base64: z.string(),
      rows: z.number().int().nonnegative(),
    }),
  }),
};
