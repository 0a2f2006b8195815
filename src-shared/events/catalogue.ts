import { z } from 'zod';
import {
  category,
  decision,
  gtin14,
  id,
  isoDate,
  packagingLevel,
  scanSource,
  supplierAudit,
  supplierDocument,
  supplierStanding,
} from './schemas';
import { ROLES } from '../api/define';
import {
  checkResult,
  decisionSignOffFields,
  inspectionTemplate,
  lotPlan,
  severity,
  sha256Hex,
} from './schemas-inspection';

/**
 * Every business fact the station records, by event type. The log stores the payload as
 * canonical JSON; projections (tables) are derived from these and nothing else, so a payload
 * schema only ever grows optional fields — old events must still replay.
 */
export const eventPayloads = {
  'station.initialized': z.object({
    stationId: id,
    publicKey: z.string(),
    softwareVersion: z.string(),
  }),
  /** The station was enrolled with head office (an admin's one-time code); sync starts. */
  'station.enrolled': z.object({ centralUrl: z.string().max(500), ackedSeq: z.number().int() }),
  'settings.changed': z.object({ key: z.string().min(1).max(80), value: z.json() }),
  'demo.seeded': z.object({ version: z.number().int() }),
  /** A daily or manual backup was written and verified (quick_check + log verification). */
  'backup.completed': z.object({
    file: z.string().max(300),
    bytes: z.number().int(),
    headSeq: z.number().int(),
    durationMs: z.number().int(),
  }),
  /** A backup could not be made or failed its verification (the bad copy was deleted). */
  'backup.failed': z.object({ message: z.string().max(500) }),

  'user.upserted': z.object({
    userId: id,
    name: z.string().min(1).max(120),
    role: z.enum(ROLES),
    badge: z.string().min(3).max(64),
    /** scrypt$N$r$p$salt$hash — never the PIN itself. */
    pinHash: z.string(),
    active: z.boolean(),
  }),
  'user.signed-in': z.object({ userId: id }),
  'user.signed-out': z.object({ userId: id, why: z.enum(['user', 'idle']) }),
  'user.sign-in-failed': z.object({
    badge: z.string().max(64),
    why: z.enum(['unknown-badge', 'wrong-pin', 'locked', 'inactive']),
  }),
  /** An admin cleared a badge's lock-out (the wrong-PIN count starts again from zero). */
  'user.unlocked': z.object({ userId: id }),

  'supplier.upserted': z.object({
    supplierId: id,
    code: z.string().min(1).max(32),
    name: z.string().min(1).max(200),
    standing: supplierStanding,
    contact: z.string().max(200),
    cumulativeSalesCny: z.number().nonnegative(),
    documents: z.array(supplierDocument),
    audits: z.array(supplierAudit),
  }),

  /** A standing change: automatic (scorecard, switching rules) or by a manager; blacklisting is head office's. */
  'supplier.standing-changed': z.object({
    supplierId: id,
    from: supplierStanding,
    to: supplierStanding,
    reason: z.string().max(500),
    automatic: z.boolean(),
    source: z.enum(['scorecard', 'switching', 'manager', 'head-office']),
  }),
  /** A QC manager confirms that a lot was counterfeit (feeds the scorecard and the penalty rules). */
  'counterfeit.confirmed': z.object({
    supplierId: id,
    lotId: id,
    inspectionId: id.nullable(),
    note: z.string().max(1000),
    photos: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  }),
  'penalty.proposed': z.object({
    penaltyId: id,
    supplierId: id,
    rule: z.string().max(80),
    amountCny: z.number().nonnegative(),
    /** How the amount was reached, in words ("max(1,000,000, 10 × 2,300,000)"). */
    basis: z.string().max(500),
    evidence: z.object({
      lotId: id.nullable(),
      inspectionId: id.nullable(),
      note: z.string().max(1000),
    }),
  }),
  'penalty.status-changed': z.object({
    penaltyId: id,
    status: z.enum(['confirmed', 'paid', 'waived']),
    reason: z.string().max(500),
  }),

  'sku.upserted': z.object({
    skuId: id,
    gtin: gtin14,
    name: z.string().min(1).max(200),
    nameZh: z.string().max(200).optional(),
    brand: z.string().min(1).max(100),
    category,
    shelfLifeDays: z.number().int().positive().nullable(),
    packaging: z.array(packagingLevel),
    templateId: z.string().max(64).nullable(),
  }),

  'delivery.expected': z.object({
    deliveryId: id,
    number: z.string().min(1).max(40),
    supplierId: id,
    expectedDate: isoDate,
    ssccs: z.array(z.string().regex(/^\d{18}$/)),
    lines: z.array(
      z.object({
        lineNo: z.number().int().positive(),
        gtin: gtin14,
        quantity: z.number().int().positive(),
        unit: z.string().max(16),
      }),
    ),
  }),
  /** An ad-hoc delivery: nothing expected matched, the supplier was chosen by hand. */
  'delivery.created': z.object({
    deliveryId: id,
    number: z.string().min(1).max(40),
    supplierId: id,
    expectedDate: isoDate,
    reason: z.string().max(500),
  }),
  /** The supplier gate refused the delivery at the dock (blacklisted, suspended, papers). */
  'delivery.refused': z.object({
    deliveryId: id,
    supplierId: id,
    standing: z.string().max(20),
    reasons: z.array(
      z.object({ code: z.string().max(40), en: z.string().max(500), zh: z.string().max(500) }),
    ),
  }),
  'delivery.opened': z.object({
    deliveryId: id,
    /** How the inspector found it: its number, an SSCC, or today's list. */
    via: z.enum(['number', 'sscc', 'list', 'ad-hoc']),
  }),
  'delivery.closed': z.object({
    deliveryId: id,
    receivedUnits: z.number().int().nonnegative(),
    expectedUnits: z.number().int().nonnegative(),
    discrepancies: z.number().int().nonnegative(),
    /** Every discrepancy the inspector confirmed, on record. */
    details: z
      .array(
        z.object({
          kind: z.enum(['short', 'over', 'unexpected', 'missing', 'unidentified']),
          gtin: z.string().max(20),
          expected: z.number().int(),
          received: z.number().int(),
          en: z.string().max(500),
        }),
      )
      .optional(),
  }),
  /** An unknown GTIN in quarantine identified by the inspector as one of the station's SKUs. */
  'quarantine.identified': z.object({ deliveryId: id, gtin: z.string().max(20), skuId: id }),

  'scan.recorded': z.object({
    scanId: id,
    source: scanSource,
    data: z.string().max(2000),
    deliveryId: id.nullable(),
    valid: z.boolean(),
    gtin: gtin14.nullable(),
    lot: z.string().max(20).nullable(),
    /** The lot this scan counted units into, and how many consumer units it added. */
    lotId: id.nullable().optional(),
    units: z.number().int().nonnegative().optional(),
    /** The unit GTIN of the SKU the units were counted as (the scan may be of a case). */
    skuGtin: gtin14.nullable().optional(),
    serial: z.string().max(20).nullable().optional(),
    /** Which scanner or screen sent it. */
    device: z.string().max(80).optional(),
    outcome: z
      .enum([
        'counted',
        'quarantined',
        'duplicate-serial',
        'opened-delivery',
        'refused-delivery',
        'pallet',
        'no-open-delivery',
        'invalid',
        'not-understood',
      ])
      .optional(),
    /** What the inspector was told, in English (warnings included). */
    message: z.string().max(1000).optional(),
  }),

  'lot.received': z.object({
    lotId: id,
    deliveryId: id,
    gtin: gtin14,
    lot: z.string().max(20),
    /** Units received with the lot itself; 0 when it is opened by a scan (scans count the units). */
    quantity: z.number().int().nonnegative(),
    expiry: isoDate.nullable(),
    production: isoDate.nullable(),
    receivedOn: isoDate,
    bestBefore: isoDate.nullable().optional(),
    sellBy: isoDate.nullable().optional(),
    packaging: isoDate.nullable().optional(),
  }),
  /**
   * A lot's dates and shelf-life verdict at receipt: at its first scan that carries a date, or
   * when the inspector types the date the barcode lacks (or reads it from the label).
   */
  'lot.shelf-life-evaluated': z.object({
    lotId: id,
    expiry: isoDate,
    production: isoDate.nullable(),
    receivedOn: isoDate,
    totalDays: z.number().int().positive(),
    removalWindowDays: z.number().int().nonnegative(),
    removalDate: isoDate,
    alertDate: isoDate,
    remainingDays: z.number().int(),
    minRemainingDays: z.number().int().nonnegative(),
    acceptable: z.boolean(),
    reason: z.object({ en: z.string().max(300), zh: z.string().max(300) }),
    dateSource: z.enum(['barcode', 'label', 'manual']),
    expiryBasis: z.enum(['stated', 'production-plus-shelf-life']),
  }),
  /** A lot in stock pulled from sale, sold out, moved (with where to), or back in stock. */
  'lot.stock-changed': z.object({
    lotId: id,
    status: z.enum(['in-stock', 'pulled', 'sold-out', 'moved']),
    locationNote: z.string().max(120).nullable(),
    note: z.string().max(500).optional(),
    on: isoDate,
  }),
  'template.upserted': inspectionTemplate,

  /** The plan, the seed and the cartons to open, fixed when the inspection of a lot starts. */
  'inspection.started': z.object({
    inspectionId: id,
    lotId: id,
    deliveryId: id,
    supplierId: id,
    skuId: id.nullable(),
    templateId: id,
    plan: lotPlan,
    /** Why the severity or the inspection itself was forced, if it was. */
    forced: z.enum(['probation', 'spot-check', 'manager']).nullable(),
    /** Reproducible carton selection: the seed and the cartons it chose (1-based). */
    seed: z.string().max(64),
    cartonCount: z.number().int().nonnegative(),
    cartons: z.array(z.number().int().positive()),
    startedOn: isoDate,
  }),
  'inspection.unit-recorded': z.object({
    inspectionId: id,
    unitNo: z.number().int().positive(),
    /** The unit's own barcode when it was scanned to start it. */
    unitCode: z.string().max(200).nullable(),
    results: z.array(checkResult),
    photos: z.array(sha256Hex),
    /**
     * The unit's verdict per defect class, as judged against the template at the time: kept in
     * the fact itself so that a later template change never rewrites an old inspection.
     */
    defective: z
      .object({ critical: z.boolean(), major: z.boolean(), minor: z.boolean() })
      .optional(),
    counterfeitSignal: z.boolean().optional(),
  }),
  'inspection.completed': z.object({
    inspectionId: id,
    lotId: id,
    severity,
    sampleSize: z.number().int().positive(),
    critical: z.number().int().nonnegative(),
    major: z.number().int().nonnegative(),
    minor: z.number().int().nonnegative(),
    completedOn: isoDate,
    unitsInspected: z.number().int().nonnegative().optional(),
    /** What the station proposed from the counts against Ac/Re, and why. */
    proposal: decision.optional(),
    reasons: z.array(z.string().max(500)).optional(),
    counterfeitSuspected: z.boolean().optional(),
    /** Ac one AQL step tighter for the major-class sample: the switching score's +3 rule needs it. */
    acceptOneStepTighter: z.number().int().nonnegative().nullable().optional(),
  }),
  /** A lot let through without inspection by a skip rule (never while the weekly spot-check quota is open). */
  'inspection.skipped': z.object({
    lotId: id,
    category: z.string().max(40),
    reason: z.string().max(500),
    week: z.string().max(10),
  }),
  'lot.decided': z.object({
    lotId: id,
    decision,
    reason: z.string().max(500),
    decidedOn: isoDate,
    ...decisionSignOffFields,
  }),
  /** Goods going back to the supplier after a rejection. */
  'lot.returned': z.object({
    returnId: id,
    lotId: id,
    deliveryId: id,
    supplierId: id,
    quantity: z.number().int().nonnegative(),
    reason: z.string().max(500),
  }),
  'switching.reduced-approved': z.object({
    supplierId: id,
    skuId: id,
    productionSteady: z.boolean(),
  }),
  'switching.normal-reinstated': z.object({
    supplierId: id,
    skuId: id,
    reason: z.enum(['manager-decision', 'production-irregular']),
  }),
  'switching.resumed': z.object({ supplierId: id, skuId: id }),

  /** A customer complaint about a product, traced to its lot when the lot is known. */
  'complaint.recorded': z.object({
    complaintId: id,
    source: z.enum(['customer-service', 'mystery-buyer', 'regulator']),
    description: z.string().min(1).max(2000),
    photos: z.array(sha256Hex),
    lotId: id.nullable(),
    gtin: gtin14.nullable(),
    lot: z.string().max(20).nullable(),
    supplierId: id.nullable(),
    counterfeitSuspected: z.boolean(),
    receivedOn: isoDate,
  }),
  /** A complaint tied to the intake inspection of its lot. */
  'complaint.linked': z.object({ complaintId: id, inspectionId: id }),
  /** A QC manager confirms the complaint (counterfeit: the goods were fakes). */
  'complaint.confirmed': z.object({
    complaintId: id,
    reason: z.string().min(1).max(1000),
    counterfeit: z.boolean(),
    decidedOn: isoDate,
  }),
  'complaint.dismissed': z.object({
    complaintId: id,
    reason: z.string().min(1).max(1000),
    decidedOn: isoDate,
  }),
  /** A corrective and preventive action (CAPA) asked of a supplier. */
  'corrective-action.opened': z.object({
    capaId: id,
    supplierId: id,
    complaintId: id.nullable(),
    rootCause: z.string().min(1).max(2000),
    actions: z.array(z.string().min(1).max(500)),
    dueDate: isoDate,
    openedOn: isoDate,
  }),
  'corrective-action.updated': z.object({
    capaId: id,
    note: z.string().min(1).max(2000),
    actions: z.array(z.string().min(1).max(500)).optional(),
    dueDate: isoDate.optional(),
    on: isoDate,
  }),
  /** Whether the actions worked, checked by a QC manager. */
  'corrective-action.verified': z.object({
    capaId: id,
    effective: z.boolean(),
    note: z.string().min(1).max(2000),
    on: isoDate,
  }),
  'corrective-action.closed': z.object({
    capaId: id,
    note: z.string().max(2000),
    on: isoDate,
  }),
  /** A recall: the lots matching the criteria, fixed when it opens (they go on hold with it). */
  'recall.opened': z.object({
    recallId: id,
    reason: z.string().min(1).max(1000),
    criteria: z.object({
      supplierId: id.optional(),
      gtin: gtin14.optional(),
      lotFrom: z.string().max(20).optional(),
      lotTo: z.string().max(20).optional(),
      receivedFrom: isoDate.optional(),
      receivedTo: isoDate.optional(),
    }),
    lotIds: z.array(id),
    openedOn: isoDate,
  }),
  /** Progress of a recall: a lot's goods located… */
  'recall.lot-found': z.object({
    recallId: id,
    lotId: id,
    quantity: z.number().int().nonnegative().nullable(),
    note: z.string().max(500),
    on: isoDate,
  }),
  /** …and pulled from sale. */
  'recall.lot-pulled': z.object({
    recallId: id,
    lotId: id,
    quantity: z.number().int().nonnegative().nullable(),
    note: z.string().max(500),
    on: isoDate,
  }),
  'recall.closed': z.object({ recallId: id, note: z.string().max(1000), on: isoDate }),
} satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof eventPayloads;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;
