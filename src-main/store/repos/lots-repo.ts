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
}

const LIST_SQL = `
    SELECT l.lot_id, l.delivery_id, d.number AS delivery_number, s.name AS supplier_name, l.gtin,
      k.name AS sku_name, k.category, l.lot, l.quantity, l.expiry, l.status, l.received_on
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
  const insertInspection = db.prepare(
    `INSERT INTO inspections (inspection_id, lot_id, severity, sample_size, critical, major, minor, completed_on, inspector)
     VALUES (@inspectionId, @lotId, @severity, @sampleSize, @critical, @major, @minor, @completedOn, @inspector)`,
  );
  const insertDecision = db.prepare(
    'INSERT INTO lot_decisions (lot_id, seq, decision, reason, decided_on, actor) VALUES (?, ?, ?, ?, ?, ?)',
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
    byKey: (deliveryId: string, gtin: string, lot: string): LotRow | undefined =>
      byKey.get(deliveryId, gtin, lot),
    ofDelivery: (deliveryId: string): LotListRow[] => ofDelivery.all(deliveryId),
    recordInspection(p: EventPayload<'inspection.completed'>, inspector: string): void {
      insertInspection.run({ ...p, inspector });
    },
    decide(p: EventPayload<'lot.decided'>, seq: number, actor: string): void {
      insertDecision.run(p.lotId, seq, p.decision, p.reason, p.decidedOn, actor);
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
