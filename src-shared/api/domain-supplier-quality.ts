import { z } from 'zod';
import { defineCall } from './define';
import { skuSummary, supplierDetail, supplierSummary } from './domain-master-data';
import {
  category,
  decision,
  documentType,
  id,
  isoDate,
  lotStatus,
  supplierStanding,
} from '../events/schemas';
import { PENALTY_STATUSES } from '../suppliers/penalties';

/** Supplier quality: master data edits, scorecard, standing, penalties. */
const MANAGERS = ['qc-manager', 'admin'] as const;

const penaltyStatus = z.enum(PENALTY_STATUSES);
const source = z.enum(['scorecard', 'switching', 'manager', 'head-office']);

export const supplierInput = z
  .object({
    /** Absent: a new supplier. */
    supplierId: id.optional(),
    code: z.string().trim().min(1).max(32),
    name: z.string().trim().min(1).max(200),
    contact: z.string().trim().max(200),
    cumulativeSalesCny: z.number().nonnegative().max(1e13),
    documents: z
      .array(
        z.object({
          type: documentType,
          number: z.string().trim().min(1).max(64),
          validUntil: isoDate,
        }),
      )
      .max(30),
    audits: z
      .array(
        z.object({
          date: isoDate,
          auditor: z.string().trim().min(1).max(120),
          score: z.number().min(0).max(100),
          result: z.enum(['passed', 'conditional', 'failed']),
          validUntil: isoDate,
        }),
      )
      .max(30),
  })
  .strict();
export type SupplierInput = z.infer<typeof supplierInput>;

export const packagingInput = z.object({
  gtin: z.string().trim().min(8).max(20),
  level: z.enum(['unit', 'inner', 'case', 'pallet']),
  unitsPer: z.number().int().positive().max(1_000_000),
});

export const skuInput = z
  .object({
    /** Absent: a new SKU. */
    skuId: id.optional(),
    /** The consumer unit's GTIN-8/12/13/14; stored as a GTIN-14. */
    gtin: z.string().trim().min(8).max(20),
    name: z.string().trim().min(1).max(200),
    nameZh: z.string().trim().max(200),
    brand: z.string().trim().min(1).max(100),
    category,
    /** Total shelf life in days; null for goods without one. */
    shelfLifeDays: z.number().int().positive().max(36_500).nullable(),
    packaging: z.array(packagingInput).max(10),
    templateId: z.string().trim().min(1).max(64).nullable(),
  })
  .strict();
export type SkuInput = z.infer<typeof skuInput>;

export const skuDetail = skuSummary.extend({
  packaging: z.array(z.object({ gtin: z.string(), level: z.string(), unitsPer: z.number() })),
  templateId: z.string().nullable(),
});
export type SkuDetail = z.infer<typeof skuDetail>;

const componentScores = z.object({
  acceptance: z.number().nullable(),
  defects: z.number().nullable(),
  delivery: z.number().nullable(),
  complaints: z.number().nullable(),
});

export const periodScore = z.object({
  days: z.number(),
  from: isoDate,
  to: isoDate,
  lots: z.object({
    decided: z.number(),
    accepted: z.number(),
    conditional: z.number(),
    rejected: z.number(),
    held: z.number(),
  }),
  acceptanceRate: z.number().nullable(),
  unitsInspected: z.number(),
  defects: z.number(),
  ppm: z.number().nullable(),
  counterfeits: z.number(),
  deliveries: z.object({
    arrived: z.number(),
    late: z.number(),
    short: z.number(),
    onTimeInFull: z.number(),
  }),
  complaints: z.number(),
  components: componentScores,
  score: z.number().nullable(),
});
export type PeriodScoreView = z.infer<typeof periodScore>;

const trend = z.enum(['up', 'down', 'flat']).nullable();

export const standingAssessment = z.object({
  current: supplierStanding,
  indicated: supplierStanding,
  change: supplierStanding.nullable(),
  recoverySupported: z.boolean(),
  enoughData: z.boolean(),
  reason: z.string(),
});

export const scorecardView = z.object({
  supplierId: z.string(),
  today: isoDate,
  standingPeriodDays: z.number(),
  periods: z.array(periodScore),
  trend,
  assessment: standingAssessment,
  thresholds: z.object({
    probationBelow: z.number(),
    suspendedBelow: z.number(),
    minLots: z.number(),
  }),
  weekly: z.array(
    z.object({
      week: z.string(),
      start: isoDate,
      lotsDecided: z.number(),
      acceptancePct: z.number().nullable(),
      ppm: z.number().nullable(),
    }),
  ),
});
export type ScorecardView = z.infer<typeof scorecardView>;

export const supplierBoardRow = supplierSummary.extend({
  /** The score of the standing period (default 90 days) and of the shortest one (30 days). */
  score: z.number().nullable(),
  recentScore: z.number().nullable(),
  trend,
  nextDocumentExpiry: z.object({ type: z.string(), validUntil: isoDate }).nullable(),
  nextAuditExpiry: isoDate.nullable(),
  openPenalties: z.number(),
});
export type SupplierBoardRow = z.infer<typeof supplierBoardRow>;

export const standingChange = z.object({
  seq: z.number(),
  on: isoDate,
  from: supplierStanding,
  to: supplierStanding,
  reason: z.string(),
  automatic: z.boolean(),
  source,
  actor: z.string(),
});
export type StandingChangeView = z.infer<typeof standingChange>;

export const standingReview = z.object({
  supplierId: z.string(),
  changed: z.boolean(),
  from: supplierStanding,
  to: supplierStanding,
  assessment: standingAssessment,
  score: z.number().nullable(),
});
export type StandingReview = z.infer<typeof standingReview>;

export const supplierLot = z.object({
  lotId: z.string(),
  deliveryNumber: z.string(),
  gtin: z.string(),
  skuName: z.string().nullable(),
  skuNameZh: z.string().nullable(),
  lot: z.string(),
  quantity: z.number(),
  receivedOn: isoDate,
  status: lotStatus,
  decision: decision.nullable(),
  decidedOn: isoDate.nullable(),
  decisionReason: z.string().nullable(),
  conditional: z.boolean(),
  override: z.boolean(),
  inspection: z
    .object({
      inspectionId: z.string(),
      sampleSize: z.number(),
      critical: z.number(),
      major: z.number(),
      minor: z.number(),
      counterfeitSuspected: z.boolean(),
    })
    .nullable(),
  counterfeitConfirmed: z.boolean(),
});
export type SupplierLot = z.infer<typeof supplierLot>;

export const penaltyView = z.object({
  penaltyId: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  rule: z.string(),
  amountCny: z.number(),
  basis: z.string(),
  lotId: z.string().nullable(),
  inspectionId: z.string().nullable(),
  note: z.string(),
  status: penaltyStatus,
  proposedOn: isoDate,
  proposedBy: z.string(),
  statusReason: z.string().nullable(),
  statusChangedOn: isoDate.nullable(),
  statusChangedBy: z.string().nullable(),
  /** What a manager may move it to next. */
  next: z.array(penaltyStatus),
});
export type PenaltyView = z.infer<typeof penaltyView>;

const supplierRef = z.object({ supplierId: id }).strict();

export const supplierQualityCalls = {
  'suppliers.save': defineCall({
    summary: "Creates or replaces a supplier's master data (documents and audits included).",
    access: MANAGERS,
    input: supplierInput,
    output: supplierDetail,
  }),
  'suppliers.setStanding': defineCall({
    summary: "A QC manager's standing decision, with its reason (never blacklisting).",
    access: MANAGERS,
    input: z
      .object({ supplierId: id, to: supplierStanding, reason: z.string().trim().min(5).max(500) })
      .strict(),
    output: standingChange,
  }),
  'suppliers.reviewStanding': defineCall({
    summary: 'Recomputes the scorecard and applies the automatic standing rules now.',
    access: MANAGERS,
    input: supplierRef,
    output: standingReview,
  }),
  'suppliers.board': defineCall({
    summary: 'Every supplier with standing, score, trend and next expiries.',
    access: 'signed-in',
    input: z.object({ search: z.string().max(100).optional() }).strict(),
    output: z.array(supplierBoardRow),
  }),
  'suppliers.scorecard': defineCall({
    summary: "One supplier's scorecard over the configured periods, with weekly trends.",
    access: 'signed-in',
    input: supplierRef,
    output: scorecardView,
  }),
  'suppliers.standingHistory': defineCall({
    summary: "One supplier's standing changes, newest first.",
    access: 'signed-in',
    input: supplierRef,
    output: z.array(standingChange),
  }),
  'suppliers.lots': defineCall({
    summary: "A supplier's lots with their inspection and decision, newest first.",
    access: 'signed-in',
    input: z
      .object({ supplierId: id, limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    output: z.array(supplierLot),
  }),
  'suppliers.skus': defineCall({
    summary: 'SKUs a supplier has delivered or is expected to deliver.',
    access: 'signed-in',
    input: supplierRef,
    output: z.array(skuSummary),
  }),
  'skus.get': defineCall({
    summary: 'One SKU with its packaging hierarchy and template.',
    access: 'signed-in',
    input: z.object({ skuId: id }).strict(),
    output: skuDetail,
  }),
  'skus.save': defineCall({
    summary: 'Creates or replaces an SKU (GTINs checked and unique across SKUs).',
    access: MANAGERS,
    input: skuInput,
    output: skuDetail,
  }),
  'penalties.list': defineCall({
    summary: 'Penalties, newest first, optionally for one supplier or status.',
    access: 'signed-in',
    input: z.object({ supplierId: id.optional(), status: penaltyStatus.optional() }).strict(),
    output: z.array(penaltyView),
  }),
  'penalties.confirmCounterfeit': defineCall({
    summary: 'A QC manager confirms a rejected lot was counterfeit; the penalty rules propose.',
    access: MANAGERS,
    input: z
      .object({
        lotId: id,
        note: z.string().trim().min(5).max(1000),
        photos: z
          .array(z.string().regex(/^[0-9a-f]{64}$/))
          .max(20)
          .optional(),
      })
      .strict(),
    output: z.object({ penalties: z.array(penaltyView), review: standingReview }),
  }),
  'penalties.setStatus': defineCall({
    summary: 'Confirms, records payment of, or waives a penalty, with a reason.',
    access: MANAGERS,
    input: z
      .object({
        penaltyId: id,
        status: z.enum(['confirmed', 'paid', 'waived']),
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
    output: penaltyView,
  }),
};
