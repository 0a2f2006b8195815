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

const DECISION_STATUS = { accept: 'accepted', reject: 'rejected', hold: 'on-hold' } as const;

export function createLotsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO lots (lot_id, delivery_id, gtin, lot, quantity, expiry, production, status, received_on, received_seq)
     VALUES (@lotId, @deliveryId, @gtin, @lot, @quantity, @expiry, @production, 'awaiting-inspection', @receivedOn, @seq)`,
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
  const listSql = `
    SELECT l.lot_id, l.delivery_id, d.number AS delivery_number, s.name AS supplier_name, l.gtin,
      k.name AS sku_name, k.category, l.lot, l.quantity, l.expiry, l.status, l.received_on
    FROM lots l
    JOIN deliveries d ON d.delivery_id = l.delivery_id
    JOIN suppliers s ON s.supplier_id = d.supplier_id
    LEFT JOIN sku_packaging p ON p.gtin = l.gtin
    LEFT JOIN skus k ON k.sku_id = p.sku_id`;
  const recent = db.prepare<[number], LotListRow>(
    `${listSql} ORDER BY l.received_seq DESC LIMIT ?`,
  );
  const recentByStatus = db.prepare<[string, number], LotListRow>(
    `${listSql} WHERE l.status = ? ORDER BY l.received_seq DESC LIMIT ?`,
  );
  return {
    receive(p: EventPayload<'lot.received'>, seq: number): void {
      insert.run({ ...p, seq });
    },
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
