import { z } from 'zod';

/** Building blocks shared by the event payloads and the API. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const gtin14 = z.string().regex(/^\d{14}$/, 'expected a 14-digit GTIN');
export const id = z.string().min(1).max(64);

/**
 * Nothing in the log is ever edited: a correction is a new event whose envelope names the event
 * it corrects (`corrects` when appending), stored among its subjects as `corrects:<event id>`
 * so that it is hashed, signed and findable like any subject. `log verify` checks that the
 * corrected event comes before the correction.
 */
export const CORRECTS_SUBJECT = 'corrects:';

export const SUPPLIER_STANDINGS = ['approved', 'probation', 'suspended', 'blacklisted'] as const;
export const supplierStanding = z.enum(SUPPLIER_STANDINGS);
export type SupplierStanding = z.infer<typeof supplierStanding>;

export const DOCUMENT_TYPES = [
  'business-licence',
  'brand-authorisation',
  'food-production-licence',
  'food-business-licence',
  'quality-certificate',
  'import-declaration',
  'ccc-certificate',
  'cosmetics-filing',
] as const;
export const documentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentType>;

export const supplierDocument = z.object({
  type: documentType,
  number: z.string().max(64),
  validUntil: isoDate,
});

export const supplierAudit = z.object({
  date: isoDate,
  auditor: z.string().max(120),
  score: z.number().min(0).max(100),
  result: z.enum(['passed', 'conditional', 'failed']),
  validUntil: isoDate,
});

export const CATEGORIES = [
  'dairy',
  'infant-formula',
  'snacks',
  'beverages',
  'cosmetics',
  'small-appliances',
  'personal-care',
  'grocery',
] as const;
export const category = z.string().min(1).max(40);

export const packagingLevel = z.object({
  gtin: gtin14,
  level: z.enum(['unit', 'inner', 'case', 'pallet']),
  /** Consumer units contained in one item of this level. */
  unitsPer: z.number().int().positive(),
});

export const LOT_STATUSES = [
  'received',
  'awaiting-inspection',
  'accepted',
  'rejected',
  'on-hold',
] as const;
export const lotStatus = z.enum(LOT_STATUSES);
export type LotStatus = z.infer<typeof lotStatus>;

export const DECISIONS = ['accept', 'reject', 'hold'] as const;
export const decision = z.enum(DECISIONS);

export const SCAN_SOURCES = ['wedge', 'serial', 'camera', 'simulator', 'manual'] as const;
export const scanSource = z.enum(SCAN_SOURCES);
export type ScanSource = z.infer<typeof scanSource>;
