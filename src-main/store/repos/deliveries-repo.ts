import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { SupplierStanding } from '../../../src-shared/events/schemas';
import type { Db } from '../database';

export type DeliveryStatus = 'expected' | 'open' | 'closed' | 'refused';

export interface DeliveryRow {
  delivery_id: string;
  number: string;
  supplier_id: string;
  expected_date: string;
  status: DeliveryStatus;
}

export interface DeliveryListRow extends DeliveryRow {
  supplier_name: string;
  supplier_standing: SupplierStanding;
  expected_units: number;
  received_units: number;
  line_count: number;
}

export interface DeliveryLineRow {
  delivery_id: string;
  line_no: number;
  gtin: string;
  expected_qty: number;
  unit: string;
  received_qty: number;
}

export function createDeliveriesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO deliveries (delivery_id, number, supplier_id, expected_date, status)
     VALUES (@deliveryId, @number, @supplierId, @expectedDate, 'expected')`,
  );
  const insertLine = db.prepare(
    'INSERT INTO delivery_lines (delivery_id, line_no, gtin, expected_qty, unit) VALUES (?, ?, ?, ?, ?)',
  );
  const insertSscc = db.prepare('INSERT INTO delivery_ssccs (sscc, delivery_id) VALUES (?, ?)');
  const setStatus = db.prepare<{ id: string; status: DeliveryStatus; seq: number }>(
    `UPDATE deliveries SET status = @status,
       opened_seq = CASE WHEN @status = 'open' THEN @seq ELSE opened_seq END,
       closed_seq = CASE WHEN @status IN ('closed', 'refused') THEN @seq ELSE closed_seq END
     WHERE delivery_id = @id`,
  );
  const addReceived = db.prepare(
    'UPDATE delivery_lines SET received_qty = received_qty + ? WHERE delivery_id = ? AND gtin = ?',
  );
  const listSql = `
    SELECT d.*, s.name AS supplier_name, s.standing AS supplier_standing,
      COALESCE((SELECT sum(expected_qty) FROM delivery_lines l WHERE l.delivery_id = d.delivery_id), 0) AS expected_units,
      COALESCE((SELECT sum(received_qty) FROM delivery_lines l WHERE l.delivery_id = d.delivery_id), 0) AS received_units,
      (SELECT count(*) FROM delivery_lines l WHERE l.delivery_id = d.delivery_id) AS line_count
    FROM deliveries d JOIN suppliers s ON s.supplier_id = d.supplier_id`;
  const forDay = db.prepare<[string], DeliveryListRow>(
    `${listSql} WHERE d.expected_date = ? OR d.status = 'open' ORDER BY d.status = 'closed', d.number`,
  );
  const byId = db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE delivery_id = ?');
  const lines = db.prepare<[string], DeliveryLineRow>(
    'SELECT * FROM delivery_lines WHERE delivery_id = ? ORDER BY line_no',
  );
  return {
    expect(p: EventPayload<'delivery.expected'>): void {
      insert.run(p);
      for (const l of p.lines) insertLine.run(p.deliveryId, l.lineNo, l.gtin, l.quantity, l.unit);
      for (const sscc of p.ssccs) insertSscc.run(sscc, p.deliveryId);
    },
    setStatus(id: string, status: DeliveryStatus, seq: number): void {
      setStatus.run({ id, status, seq });
    },
    addReceived(deliveryId: string, gtin: string, units: number): void {
      addReceived.run(units, deliveryId, gtin);
    },
    forDay: (date: string): DeliveryListRow[] => forDay.all(date),
    byId: (id: string): DeliveryRow | undefined => byId.get(id),
    lines: (id: string): DeliveryLineRow[] => lines.all(id),
  };
}
export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
