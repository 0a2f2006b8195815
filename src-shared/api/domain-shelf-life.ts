import { z } from 'zod';
import { defineCall } from './define';
import { bilingual } from './domain-intake';
import { isoDate } from '../events/schemas';

const lotId = z.string().min(1).max(64);

export const PULL_GROUPS = ['overdue', 'this-week', 'next-30-days'] as const;
export const pullGroup = z.enum(PULL_GROUPS);
export type PullGroup = z.infer<typeof pullGroup>;

export const STOCK_STATUSES = ['in-stock', 'pulled', 'sold-out', 'moved'] as const;
export const stockStatus = z.enum(STOCK_STATUSES);
export type StockStatus = z.infer<typeof stockStatus>;

/** A lot's dates and verdict at receipt, or why it has none yet. */
export const lotShelfLife = z.object({
  lotId: z.string(),
  state: z.enum(['evaluated', 'dates-missing', 'no-shelf-life']),
  expiry: isoDate.nullable(),
  production: isoDate.nullable(),
  totalDays: z.number().int().nullable(),
  removalWindowDays: z.number().int().nullable(),
  removalDate: isoDate.nullable(),
  alertDate: isoDate.nullable(),
  remainingDays: z.number().int().nullable(),
  minRemainingDays: z.number().int().nullable(),
  acceptable: z.boolean().nullable(),
  reason: bilingual.nullable(),
  dateSource: z.enum(['barcode', 'label', 'manual']).nullable(),
  expiryBasis: z.enum(['stated', 'production-plus-shelf-life']).nullable(),
  stockStatus: stockStatus,
  locationNote: z.string().nullable(),
});
export type LotShelfLifeView = z.infer<typeof lotShelfLife>;

/** One lot on the board. */
export const boardRow = z.object({
  lotId: z.string(),
  gtin: z.string(),
  skuName: z.string().nullable(),
  skuNameZh: z.string().nullable(),
  category: z.string().nullable(),
  lot: z.string(),
  quantity: z.number().int(),
  supplierName: z.string(),
  locationNote: z.string().nullable(),
  receivedOn: isoDate,
  expiry: isoDate,
  removalDate: isoDate,
  alertDate: isoDate,
  group: pullGroup,
  /** Days from today to the removal date (negative: overdue). */
  daysToRemoval: z.number().int(),
  /** The first lot of its SKU to issue (first expiry, first out). */
  issueFirst: z.boolean(),
  /** Its alert date has come. */
  alerting: z.boolean(),
});
export type BoardRow = z.infer<typeof boardRow>;

export const categoryCount = z.object({
  category: z.string(),
  overdue: z.number().int(),
  thisWeek: z.number().int(),
  next30Days: z.number().int(),
});

export const board = z.object({
  today: isoDate,
  /** Ordered by removal date, then receipt date (the FEFO order). */
  rows: z.array(boardRow),
  counts: z.object({
    overdue: z.number().int(),
    thisWeek: z.number().int(),
    next30Days: z.number().int(),
    alerting: z.number().int(),
  }),
  byCategory: z.array(categoryCount),
});
export type ShelfBoard = z.infer<typeof board>;

export const shelfLifeCalls = {
  'shelfLife.board': defineCall({
    summary:
      'Lots in stock whose removal date is past or within 30 days, grouped, with FEFO hints and counts by category.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: board,
  }),
  'shelfLife.ofLot': defineCall({
    summary: "A lot's dates, removal and alert dates and its verdict at receipt.",
    access: 'signed-in',
    input: z.object({ lotId }).strict(),
    output: lotShelfLife,
  }),
  'shelfLife.enterDates': defineCall({
    summary:
      'The expiry or production date the barcode lacks, typed by the inspector (YYYY-MM-DD, or a month such as 03/2027).',
    access: 'signed-in',
    input: z
      .object({
        lotId,
        expiry: z.string().trim().max(20).optional(),
        production: z.string().trim().max(20).optional(),
        source: z.enum(['manual', 'label']).default('manual'),
      })
      .strict()
      .refine((i) => Boolean(i.expiry) || Boolean(i.production), {
        message: 'give the expiry date or the production date',
      }),
    output: lotShelfLife,
  }),
  'shelfLife.mark': defineCall({
    summary:
      'Marks a lot pulled from sale, sold out, moved (with a location note) or back in stock.',
    access: 'signed-in',
    input: z
      .object({
        lotId,
        status: stockStatus,
        locationNote: z.string().trim().max(120).optional(),
        note: z.string().trim().max(500).optional(),
      })
      .strict()
      .refine((i) => i.status !== 'moved' || Boolean(i.locationNote), {
        message: 'say where the lot was moved to',
      }),
    output: lotShelfLife,
  }),
  'shelfLife.pullList': defineCall({
    summary: "Today's pull list (lots whose removal date has come) as PDF or CSV.",
    access: 'signed-in',
    input: z.object({ format: z.enum(['pdf', 'csv']) }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.enum(['application/pdf', 'text/csv']),
      base64: z.string(),
      lots: z.number().int(),
    }),
  }),
};
