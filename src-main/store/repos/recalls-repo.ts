import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { LotStatus } from '../../../src-shared/events/schemas';
import type { Db } from '../database';

export interface RecallRow {
  recall_id: string;
  reason: string;
  /** JSON of the criteria the recall was opened with. */
  criteria: string;
  status: 'open' | 'closed';
  opened_on: string;
  opened_by: string;
  opened_seq: number;
  closed_on: string | null;
  close_note: string | null;
}

export interface RecallListRow extends RecallRow {
  lots: number;
  found: number;
  pulled: number;
}

/** A lot a recall matches (or holds), with what the floor needs to find it. */
export interface RecallLotRow {
  lot_id: string;
  lot: string;
  gtin: string;
  sku_name: string | null;
  supplier_id: string;
  supplier_name: string;
  delivery_id: string;
  delivery_number: string;
  received_on: string;
  quantity: number;
  status: LotStatus;
  stock_status: string;
  location_note: string | null;
  expiry: string | null;
}

export interface RecallLotProgressRow extends RecallLotRow {
  state: 'open' | 'found' | 'pulled';
  found_on: string | null;
  found_quantity: number | null;
  pulled_on: string | null;
  pulled_quantity: number | null;
  note: string | null;
}

export interface RecallCriteria {
  supplierId?: string | undefined;
  gtin?: string | undefined;
  lotFrom?: string | undefined;
  lotTo?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
}

const LOT_SQL = `
  SELECT l.lot_id, l.lot, l.gtin,
    (SELECT k.name FROM sku_packaging p JOIN skus k ON k.sku_id = p.sku_id WHERE p.gtin = l.gtin) AS sku_name,
    d.supplier_id, s.name AS supplier_name, l.delivery_id, d.number AS delivery_number,
    l.received_on, l.quantity, l.status, l.stock_status, l.location_note, l.expiry
  FROM lots l
  JOIN deliveries d ON d.delivery_id = l.delivery_id
  JOIN suppliers s ON s.supplier_id = d.supplier_id`;

// The GTIN criterion matches every packaging level of the SKU the GTIN belongs to.
const SAME_SKU = `(l.gtin = @gtin OR l.gtin IN (SELECT p2.gtin FROM sku_packaging p1
  JOIN sku_packaging p2 ON p2.sku_id = p1.sku_id WHERE p1.gtin = @gtin))`;

/** `recalls` and `recall_lots`, and the lot look-ups complaints and recalls share. */
export function createRecallsRepo(db: Db) {
  const matching = db.prepare<Record<string, string | null>, RecallLotRow>(`${LOT_SQL}
    WHERE (@supplierId IS NULL OR d.supplier_id = @supplierId)
      AND (@gtin IS NULL OR ${SAME_SKU})
      AND (@lotFrom IS NULL OR l.lot >= @lotFrom)
      AND (@lotTo IS NULL OR l.lot <= @lotTo)
      AND (@receivedFrom IS NULL OR l.received_on >= @receivedFrom)
      AND (@receivedTo IS NULL OR l.received_on <= @receivedTo)
    ORDER BY l.received_on, l.lot_id
    LIMIT 5000`);
  const byGtinLot = db.prepare<{ gtin: string; lot: string }, RecallLotRow>(
    `${LOT_SQL} WHERE l.lot = @lot AND ${SAME_SKU} ORDER BY l.received_seq DESC`,
  );
  const insert = db.prepare(
    `INSERT INTO recalls (recall_id, reason, criteria, opened_on, opened_by, opened_seq)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertLot = db.prepare('INSERT INTO recall_lots (recall_id, lot_id) VALUES (?, ?)');
  const found = db.prepare(
    `UPDATE recall_lots SET state = CASE WHEN state = 'pulled' THEN state ELSE 'found' END,
       found_on = ?, found_quantity = ?, note = ? WHERE recall_id = ? AND lot_id = ?`,
  );
  const pulled = db.prepare(
    `UPDATE recall_lots SET state = 'pulled', found_on = COALESCE(found_on, ?), pulled_on = ?,
       pulled_quantity = ?, note = ? WHERE recall_id = ? AND lot_id = ?`,
  );
  const close = db.prepare(
    "UPDATE recalls SET status = 'closed', closed_on = ?, close_note = ? WHERE recall_id = ?",
  );
  const LIST = `SELECT r.*, COUNT(rl.lot_id) AS lots,
      SUM(rl.state IN ('found', 'pulled')) AS found, SUM(rl.state = 'pulled') AS pulled
    FROM recalls r LEFT JOIN recall_lots rl ON rl.recall_id = r.recall_id`;
  const list = db.prepare<[], RecallListRow>(
    `${LIST} GROUP BY r.recall_id ORDER BY r.opened_seq DESC`,
  );
  const byId = db.prepare<[string], RecallListRow>(
    `${LIST} WHERE r.recall_id = ? GROUP BY r.recall_id`,
  );
  const lotsOf = db.prepare<[string], RecallLotProgressRow>(
    `SELECT x.*, rl.state, rl.found_on, rl.found_quantity, rl.pulled_on, rl.pulled_quantity, rl.note
     FROM recall_lots rl JOIN (${LOT_SQL}) x ON x.lot_id = rl.lot_id
     WHERE rl.recall_id = ? ORDER BY x.received_on, x.lot_id`,
  );
  return {
    /** Lots matching recall criteria (at most 5,000), oldest receipt first. */
    matching: (c: RecallCriteria): RecallLotRow[] =>
      matching.all({
        supplierId: c.supplierId ?? null,
        gtin: c.gtin ?? null,
        lotFrom: c.lotFrom ?? null,
        lotTo: c.lotTo ?? null,
        receivedFrom: c.receivedFrom ?? null,
        receivedTo: c.receivedTo ?? null,
      }),
    /** Lots with this lot number of the GTIN's SKU (any packaging level), latest first. */
    byGtinLot: (gtin: string, lot: string): RecallLotRow[] => byGtinLot.all({ gtin, lot }),
    lot: (lotId: string): RecallLotRow | undefined =>
      db.prepare<[string], RecallLotRow>(`${LOT_SQL} WHERE l.lot_id = ?`).get(lotId),
    opened(p: EventPayload<'recall.opened'>, seq: number, actor: string): void {
      insert.run(p.recallId, p.reason, JSON.stringify(p.criteria), p.openedOn, actor, seq);
      for (const lotId of p.lotIds) insertLot.run(p.recallId, lotId);
    },
    lotFound(p: EventPayload<'recall.lot-found'>): void {
      found.run(p.on, p.quantity, p.note || null, p.recallId, p.lotId);
    },
    lotPulled(p: EventPayload<'recall.lot-pulled'>): void {
      pulled.run(p.on, p.on, p.quantity, p.note || null, p.recallId, p.lotId);
    },
    closed(p: EventPayload<'recall.closed'>): void {
      close.run(p.on, p.note, p.recallId);
    },
    list: (): RecallListRow[] => list.all(),
    byId: (recallId: string): RecallListRow | undefined => byId.get(recallId),
    lotsOf: (recallId: string): RecallLotProgressRow[] => lotsOf.all(recallId),
  };
}
export type RecallsRepo = ReturnType<typeof createRecallsRepo>;
