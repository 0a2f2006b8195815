import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { LotStatus } from '../../../src-shared/events/schemas';
import type { Db } from '../database';

export interface LotListRow {
  lot_id: string;
  delivery_id: string;
  delivery_number: string;
  supplier_name: string;
  gtin: string;
  sku_name: string | null;
  category: string | null;
  lot: string;
  quantity: number;
  expiry: string | null;
  status: LotStatus;
  received_on: string;
  shelf_acceptable: number | null;
  shelf_reason_en: string | null;
  shelf_reason_zh: string | null;
  removal_date: string | null;
  shelf_life_days: number | null;
}

export interface LotRow {
  lot_id: string;
  delivery_id: string;
  gtin: string;
  lot: string;
  quantity: number;
  expiry: string | null;
  production: string | null;
  best_before: string | null;
  sell_by: string | null;
  packaging: string | null;
  status: LotStatus;
  received_on: string;
  received_seq: number;
  /** Null until the lot's shelf life has been evaluated. */
  removal_date: string | null;
}

export interface LotDecisionRow {
  lot_id: string;
  seq: number;
  decision: 'accept' | 'reject' | 'hold';
  reason: string;
  decided_on: string;
  actor: string;
  proposal: string | null;
  conditional: number;
  override: number;
  sign_off: string | null;
  event_hash: string | null;
}

const LIST_SQL = `
    SELECT l.lot_id, l.delivery_id, d.number AS delivery_number, s.name AS supplier_name, l.gtin,
      k.name AS sku_name, k.category, l.lot, l.quantity, l.expiry, l.status, l.received_on,
      l.shelf_acceptable, l.shelf_reason_en, l.shelf_reason_zh, l.removal_date, k.shelf_life_days
    FROM lots l
    JOIN deliveries d ON d.delivery_id = l.delivery_id
    JOIN suppliers s ON s.supplier_id = d.supplier_id
    LEFT JOIN sku_packaging p ON p.gtin = l.gtin
    LEFT JOIN skus k ON k.sku_id = p.sku_id`;

const DECISION_STATUS = { accept: 'accepted', reject: 'rejected', hold: 'on-hold' } as const;

export function createLotsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO lots (lot_id, delivery_id, gtin, lot, quantity, expiry, production, best_before, sell_by, packaging,
       status, received_on, received_seq)
     VALUES (@lotId, @deliveryId, @gtin, @lot, @quantity, @expiry, @production, @bestBefore, @sellBy, @packaging,
       'awaiting-inspection', @receivedOn, @seq)`,
  );
  const byKey = db.prepare<[string, string, string], LotRow>(
    'SELECT * FROM lots WHERE delivery_id = ? AND gtin = ? AND lot = ?',
  );
  const ofDelivery = db.prepare<[string], LotListRow>(
    `${LIST_SQL} WHERE l.delivery_id = ? ORDER BY l.received_seq`,
  );
  const insertDecision = db.prepare(
    `INSERT INTO lot_decisions (lot_id, seq, decision, reason, decided_on, actor, proposal, conditional, override, sign_off, event_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], LotRow>('SELECT * FROM lots WHERE lot_id = ?');
  const listRow = db.prepare<[string], LotListRow>(`${LIST_SQL} WHERE l.lot_id = ?`);
  const pending = db.prepare<[], LotListRow>(
    `${LIST_SQL} WHERE l.status IN ('awaiting-inspection', 'on-hold') ORDER BY l.received_seq`,
  );
  const lastDecision = db.prepare<[string], LotDecisionRow>(
    'SELECT * FROM lot_decisions WHERE lot_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const setStatus = db.prepare('UPDATE lots SET status = ? WHERE lot_id = ?');
  const addUnits = db.prepare('UPDATE lots SET quantity = quantity + ? WHERE lot_id = ?');
  const recent = db.prepare<[number], LotListRow>(
    `${LIST_SQL} ORDER BY l.received_seq DESC LIMIT ?`,
  );
  const recentByStatus = db.prepare<[string, number], LotListRow>(
    `${LIST_SQL} WHERE l.status = ? ORDER BY l.received_seq DESC LIMIT ?`,
  );
  return {
    receive(p: EventPayload<'lot.received'>, seq: number): void {
      insert.run({
        ...p,
        bestBefore: p.bestBefore ?? null,
        sellBy: p.sellBy ?? null,
        packaging: p.packaging ?? null,
        seq,
      });
    },
    byId: (lotId: string): LotRow | undefined => byId.get(lotId),
    listRow: (lotId: string): LotListRow | undefined => listRow.get(lotId),
    /** Lots waiting for inspection or for a decision on hold, oldest first. */
    pending: (): LotListRow[] => pending.all(),
    lastDecision: (lotId: string): LotDecisionRow | undefined => lastDecision.get(lotId),
    byKey: (deliveryId: string, gtin: string, lot: string): LotRow | undefined =>
      byKey.get(deliveryId, gtin, lot),
    ofDelivery: (deliveryId: string): LotListRow[] => ofDelivery.all(deliveryId),
    decide(p: EventPayload<'lot.decided'>, seq: number, actor: string, eventHash: string): void {
      insertDecision.run(
        p.lotId,
        seq,
        p.decision,
        p.reason,
        p.decidedOn,
        actor,
        p.proposal ?? null,
        p.conditional ? 1 : 0,
        p.override ? 1 : 0,
        p.signOff ? JSON.stringify(p.signOff) : null,
        eventHash,
      );
      setStatus.run(DECISION_STATUS[p.decision], p.lotId);
    },
    addUnits(lotId: string, units: number): void {
      addUnits.run(units, lotId);
    },
    recent(status: LotStatus | undefined, limit: number): LotListRow[] {
      return status ? recentByStatus.all(status, limit) : recent.all(limit);
    },
  };
}
export type LotsRepo = ReturnType<typeof createLotsRepo>;
