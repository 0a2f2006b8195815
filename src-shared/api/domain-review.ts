import { z } from 'zod';
import { defineCall } from './define';
import { syncStatus } from './domain-sync';
import { isoDate } from '../events/schemas';

const MANAGERS = ['qc-manager', 'admin'] as const;
const idIn = z.string().trim().min(1).max(64);

/**
 * What waits for a QC manager: a lot on hold, a conditional acceptance still in stock, a recent
 * override of the station's proposal, an open complaint, and a lot below the shelf-life rule at
 * receipt (the station proposes to reject it; only a manager can still take it, conditionally).
 */
export const REVIEW_KINDS = [
  'hold',
  'conditional',
  'override',
  'complaint',
  'shelf-life-proposal',
] as const;
export const reviewKind = z.enum(REVIEW_KINDS);
export type ReviewKind = z.infer<typeof reviewKind>;

/** Who and what the review lists are narrowed to; every field is optional. */
export const reviewFilters = z
  .object({
    supplierId: idIn.optional(),
    category: z.string().trim().min(1).max(40).optional(),
    kind: reviewKind.optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
  })
  .strict()
  .refine((f) => !f.since || !f.until || f.since <= f.until, {
    message: 'the start date is after the end date',
    path: ['until'],
  });
export type ReviewFilters = z.infer<typeof reviewFilters>;

export const reviewItem = z.object({
  /** Unique within the queue: the kind and the lot (or complaint) it is about. */
  key: z.string(),
  kind: reviewKind,
  lotId: z.string().nullable(),
  complaintId: z.string().nullable(),
  gtin: z.string().nullable(),
  lot: z.string().nullable(),
  skuName: z.string().nullable(),
  category: z.string().nullable(),
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  deliveryId: z.string().nullable(),
  deliveryNumber: z.string().nullable(),
  /** The day the item arrived on the queue: held, decided, received or complained about. */
  when: isoDate,
  /** Whole days since `when`. */
  ageDays: z.number().int(),
  /** Why it is there, as recorded (a decision's reason, the complaint, the shelf-life verdict). */
  summary: z.string(),
  /** The shelf-life verdict in Chinese, when the summary is the station's own. */
  summaryZh: z.string().nullable(),
  /** Who put it there (user id). */
  by: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const reviewQueue = z.object({
  today: isoDate,
  /** Oldest first: the queue is worked from the top. */
  items: z.array(reviewItem),
  /** How far back overrides are listed when no start date is given. */
  overrideDays: z.number().int(),
  /** What the filters can choose from. */
  suppliers: z.array(z.object({ supplierId: z.string(), name: z.string() })),
  categories: z.array(z.string()),
});
export type ReviewQueue = z.infer<typeof reviewQueue>;

export const acceptanceWeek = z.object({
  week: z.string(),
  /** Lots whose latest decision was taken that week (held ones included). */
  lots: z.number().int(),
  accepted: z.number().int(),
  conditional: z.number().int(),
  rejected: z.number().int(),
  held: z.number().int(),
  /** Accepted outright ÷ decided (held left out), in %, as on the scorecard; null: none decided. */
  rate: z.number().nullable(),
});
export type AcceptanceWeek = z.infer<typeof acceptanceWeek>;

export const paretoBar = z.object({
  key: z.string(),
  label: z.string(),
  labelZh: z.string().nullable(),
  count: z.number().int(),
  /** Running share of all counts up to and including this bar, in %. */
  cumulativePct: z.number(),
});
export type ParetoBar = z.infer<typeof paretoBar>;

export const syncBacklog = syncStatus.pick({
  state: true,
  pendingEvents: true,
  lastSuccessAt: true,
  lastError: true,
});
export type SyncBacklog = z.infer<typeof syncBacklog>;

export const reviewDashboard = z.object({
  today: isoDate,
  /** The ISO weeks looked at, oldest first, ending with the current one. */
  weeks: z.array(z.string()),
  from: isoDate,
  to: isoDate,
  acceptanceBySupplier: z.array(
    z.object({
      supplierId: z.string(),
      supplierName: z.string(),
      /** One point per week of `weeks`, in the same order. */
      points: z.array(acceptanceWeek),
    }),
  ),
  defectPareto: z.object({
    /** Defects (critical + major + minor) found per product category, most first. */
    byCategory: z.array(paretoBar),
    /** Failed checks per check of the templates, most first. */
    byCheck: z.array(paretoBar),
  }),
  pullForecast: z.object({
    /** Lots in stock already past their removal date. */
    overdue: z.object({ lots: z.number().int(), units: z.number().int() }),
    weeks: z.array(
      z.object({
        week: z.string(),
        from: isoDate,
        to: isoDate,
        lots: z.number().int(),
        units: z.number().int(),
      }),
    ),
  }),
  spotCheckQuota: z.object({
    week: z.string(),
    categories: z.array(
      z.object({ category: z.string(), required: z.number().int(), done: z.number().int() }),
    ),
  }),
  /** The upload backlog; the Sync screen has the rest of the link's state. */
  syncBacklog: syncBacklog,
});
export type ReviewDashboard = z.infer<typeof reviewDashboard>;

export const reviewCalls = {
  'review.queue': defineCall({
    summary:
      'What waits for a QC manager: holds, conditional acceptances, recent overrides, open complaints and short shelf-life lots, oldest first.',
    access: MANAGERS,
    input: reviewFilters,
    output: reviewQueue,
  }),
  'review.dashboard': defineCall({
    summary:
      'Acceptance by supplier per ISO week, defect Pareto, shelf-life pull forecast, this week’s spot-check quota and the sync backlog.',
    access: MANAGERS,
    input: z
      .object({
        supplierId: idIn.optional(),
        category: z.string().trim().min(1).max(40).optional(),
        weeks: z.number().int().min(1).max(52).default(12),
        forecastWeeks: z.number().int().min(1).max(26).default(8),
      })
      .strict(),
    output: reviewDashboard,
  }),
};
