import type { LotStatus, SupplierStanding } from '../../../src-shared/events/schemas';
import type { Db } from '../database';
import type { LotListRow } from './lots-repo';

/** One event of a subject's timeline: the columns the lot page shows (no signature, no chain). */
export interface TimelineRow {
  seq: number;
  id: string;
  recorded_at: number;
  actor: string;
  type: string;
  payload: string;
  hash: string;
}

/** A lot with its SKU, delivery, supplier and whereabouts: the head of its page, in one read. */
export interface LotHeadRow extends LotListRow {
  production: string | null;
  sku_name_zh: string | null;
  number: string;
  delivery_status: string;
  expected_date: string;
  supplier_id: string;
  supplier_code: string;
  supplier_standing: SupplierStanding;
  stock_status: string;
  location_note: string | null;
  returned_units: number | null;
}

/** Another lot of the same delivery, as the lot page lists it. */
export interface SiblingRow {
  lot_id: string;
  gtin: string;
  lot: string;
  quantity: number;
  status: LotStatus;
}

/**
 * The event_subjects projection and its lookups for tracing lots: timeline of a subject, and
 * the lots a lot code, GTIN, serial, supplier, inspector or receipt dates lead to. Lot ids come
 * back newest first; the caller turns them into summaries through the lots repository.
 */
export function createTraceRepo(db: Db) {
  const timeline = db.prepare<[string], TimelineRow>(
    `SELECT e.seq, e.id, e.recorded_at, e.actor, e.type, e.payload, e.hash
     FROM event_subjects s JOIN events e ON e.seq = s.seq
     WHERE s.subject = ? ORDER BY s.seq`,
  );
  const lotHead = db.prepare<[string], LotHeadRow>(
    `SELECT l.lot_id, l.delivery_id, d.number AS delivery_number, s.name AS supplier_name, l.gtin,
       k.name AS sku_name, k.name_zh AS sku_name_zh, k.category, l.lot, l.quantity, l.expiry,
       l.production, l.status, l.received_on, l.shelf_acceptable, l.shelf_reason_en,
       l.shelf_reason_zh, l.removal_date, k.shelf_life_days, d.number,
       d.status AS delivery_status, d.expected_date, s.supplier_id, s.code AS supplier_code,
       s.standing AS supplier_standing, l.stock_status, l.location_note,
       (SELECT sum(r.quantity) FROM lot_returns r WHERE r.lot_id = l.lot_id) AS returned_units
     FROM lots l
     JOIN deliveries d ON d.delivery_id = l.delivery_id
     JOIN suppliers s ON s.supplier_id = d.supplier_id
     LEFT JOIN sku_packaging p ON p.gtin = l.gtin
     LEFT JOIN skus k ON k.sku_id = p.sku_id
     WHERE l.lot_id = ?`,
  );
  const siblings = db.prepare<[string], SiblingRow & { received_seq: number }>(
    'SELECT lot_id, gtin, lot, quantity, status, received_seq FROM lots WHERE delivery_id = ?',
  );
  const byLotCode = db.prepare<[string, number], { lot_id: string }>(
    'SELECT lot_id FROM lots WHERE lot = ? COLLATE NOCASE ORDER BY received_seq DESC LIMIT ?',
  );
  const byGtin = db.prepare<[string, number], { lot_id: string }>(
    'SELECT lot_id FROM lots WHERE gtin = ? ORDER BY received_seq DESC LIMIT ?',
  );
  const byGtinLot = db.prepare<[string, string], { lot_id: string }>(
    'SELECT lot_id FROM lots WHERE gtin = ? AND lot = ? ORDER BY received_seq DESC',
  );
  const byDelivery = db.prepare<[string, number], { lot_id: string }>(
    'SELECT lot_id FROM lots WHERE delivery_id = ? ORDER BY received_seq LIMIT ?',
  );
  const bySupplier = db.prepare<[string, number], { lot_id: string }>(
    `SELECT l.lot_id FROM deliveries d JOIN lots l ON l.delivery_id = d.delivery_id
     WHERE d.supplier_id = ? ORDER BY l.received_seq DESC LIMIT ?`,
  );
  const suppliersNamed = db.prepare<[string, string, string], { supplier_id: string }>(
    `SELECT supplier_id FROM suppliers
     WHERE supplier_id = ? OR code = ? COLLATE NOCASE OR name LIKE ? ESCAPE '\\'`,
  );
  const usersNamed = db.prepare<[string, string, string], { user_id: string }>(
    `SELECT user_id FROM users
     WHERE user_id = ? OR badge = ? COLLATE NOCASE OR name LIKE ? ESCAPE '\\'`,
  );
  // Who inspected it, or who decided it (an inspector confirming a proposal, a manager signing).
  const byInspector = db.prepare<[string, string, string, number], { lot_id: string }>(
    `SELECT l.lot_id FROM lots l WHERE l.lot_id IN (
       SELECT lot_id FROM inspections WHERE inspector = ?
       UNION SELECT lot_id FROM lot_decisions WHERE actor = ?
       UNION SELECT lot_id FROM lot_decisions WHERE json_extract(sign_off, '$.userId') = ?)
     ORDER BY l.received_seq DESC LIMIT ?`,
  );
  const byDates = db.prepare<[string, string, number], { lot_id: string }>(
    `SELECT lot_id FROM lots WHERE received_on BETWEEN ? AND ?
     ORDER BY received_on DESC, received_seq DESC LIMIT ?`,
  );
  // delivery_serials is keyed by delivery first: a serial alone is a scan of the table; its
  // seq names the scan event that counted it, whose payload names the lot.
  const serialScans = db.prepare<[string], { payload: string }>(
    `SELECT e.payload FROM delivery_serials x JOIN events e ON e.seq = x.seq
     WHERE x.serial = ? COLLATE NOCASE`,
  );
  // delivery_ssccs is keyed by SSCC: a delivery's SSCCs are read from the event that created
  // it (its first), one index step, rather than from a scan of that table.
  const firstOfSubject = db.prepare<[string], { type: string; payload: string }>(
    `SELECT e.type, e.payload FROM event_subjects s JOIN events e ON e.seq = s.seq
     WHERE s.subject = ? ORDER BY s.seq LIMIT 1`,
  );
  const ids = (rows: { lot_id: string }[]) => rows.map((r) => r.lot_id);
  const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    /** Every event of a subject (`lot:…`), oldest first. */
    timeline: (subject: string): TimelineRow[] => timeline.all(subject),
    lotHead: (lotId: string): LotHeadRow | undefined => lotHead.get(lotId),
    /** The lots of a delivery in the order they were received. */
    lotsOfDelivery: (deliveryId: string): SiblingRow[] =>
      siblings
        .all(deliveryId)
        .sort((a, b) => a.received_seq - b.received_seq)
        .map(({ received_seq: _, ...r }) => r),
    byLotCode: (lot: string, limit: number): string[] => ids(byLotCode.all(lot, limit)),
    byGtin: (gtin: string, limit: number): string[] => ids(byGtin.all(gtin, limit)),
    byGtinLot: (gtin: string, lot: string): string[] => ids(byGtinLot.all(gtin, lot)),
    byDelivery: (deliveryId: string, limit: number): string[] =>
      ids(byDelivery.all(deliveryId, limit)),
    bySupplier: (supplierId: string, limit: number): string[] =>
      ids(bySupplier.all(supplierId, limit)),
    /** Suppliers whose id or code is `text`, or whose name contains it. */
    suppliersNamed: (text: string): string[] =>
      suppliersNamed.all(text, text, like(text)).map((r) => r.supplier_id),
    /** Users whose id or badge is `text`, or whose name contains it. */
    usersNamed: (text: string): string[] =>
      usersNamed.all(text, text, like(text)).map((r) => r.user_id),
    byInspector: (userId: string, limit: number): string[] =>
      ids(byInspector.all(userId, userId, userId, limit)),
    byDates: (from: string, to: string, limit: number): string[] =>
      ids(byDates.all(from, to, limit)),
    /** Payloads (JSON) of the scans that counted a serial, in any delivery. */
    serialScans: (serial: string): string[] => serialScans.all(serial).map((r) => r.payload),
    /** The SSCCs the shipping notice listed for a delivery (none for an ad-hoc one). */
    ssccsOf(deliveryId: string): string[] {
      const first = firstOfSubject.get(`delivery:${deliveryId}`);
      if (first?.type !== 'delivery.expected') return [];
      const p = JSON.parse(first.payload) as { ssccs?: unknown };
      return Array.isArray(p.ssccs)
        ? p.ssccs.filter((x): x is string => typeof x === 'string')
        : [];
    },
  };
}
export type TraceRepo = ReturnType<typeof createTraceRepo>;
