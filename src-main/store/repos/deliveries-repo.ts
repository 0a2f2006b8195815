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
  opened_seq: number | null;
  closed_seq: number | null;
  ad_hoc: number;
  flagged_for_review: number;
  refusal: string | null;
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
  unexpected: number;
  sku_name: string | null;
  sku_name_zh: string | null;
}

export function createDeliveriesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO deliveries (delivery_id, number, supplier_id, expected_date, status, ad_hoc, flagged_for_review)
     VALUES (@deliveryId, @number, @supplierId, @expectedDate, 'expected', @adHoc, @adHoc)`,
  );
  const insertLine = db.prepare(
    'INSERT INTO delivery_lines (delivery_id, line_no, gtin, expected_qty, unit, unexpected) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSscc = db.prepare('INSERT INTO delivery_ssccs (sscc, delivery_id) VALUES (?, ?)');
  const setStatus = db.prepare<{ id: string; status: DeliveryStatus; seq: number }>(
    `UPDATE deliveries SET status = @status,
       opened_seq = CASE WHEN @status = 'open' THEN @seq ELSE opened_seq END,
       closed_seq = CASE WHEN @status IN ('closed', 'refused') THEN @seq ELSE closed_seq END
     WHERE delivery_id = @id`,
  );
  const setRefusal = db.prepare('UPDATE deliveries SET refusal = ? WHERE delivery_id = ?');
  const addReceived = db.prepare(
    'UPDATE delivery_lines SET received_qty = received_qty + ? WHERE delivery_id = ? AND gtin = ?',
  );
  const nextLineNo = db.prepare<[string], { n: number }>(
    'SELECT COALESCE(max(line_no), 0) + 1 AS n FROM delivery_lines WHERE delivery_id = ?',
  );
  const insertSerial = db.prepare(
    'INSERT OR IGNORE INTO delivery_serials (delivery_id, gtin, serial, seq) VALUES (?, ?, ?, ?)',
  );
  const serialSeen = db.prepare<[string, string, string], { seq: number }>(
    'SELECT seq FROM delivery_serials WHERE delivery_id = ? AND gtin = ? AND serial = ?',
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
  const listById = db.prepare<[string], DeliveryListRow>(`${listSql} WHERE d.delivery_id = ?`);
  const byId = db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE delivery_id = ?');
  const byNumber = db.prepare<[string], DeliveryRow>(
    'SELECT * FROM deliveries WHERE number = ? COLLATE NOCASE',
  );
  const bySscc = db.prepare<[string], DeliveryRow>(
    'SELECT d.* FROM delivery_ssccs x JOIN deliveries d ON d.delivery_id = x.delivery_id WHERE x.sscc = ?',
  );
  const active = db.prepare<[], DeliveryRow>(
    "SELECT * FROM deliveries WHERE status = 'open' ORDER BY opened_seq DESC LIMIT 1",
  );
  const lines = db.prepare<[string], DeliveryLineRow>(
    `SELECT l.*, k.name AS sku_name, k.name_zh AS sku_name_zh FROM delivery_lines l
     LEFT JOIN sku_packaging p ON p.gtin = l.gtin LEFT JOIN skus k ON k.sku_id = p.sku_id
     WHERE l.delivery_id = ? ORDER BY l.line_no`,
  );
  const lineFor = db.prepare<[string, string], DeliveryLineRow>(
    `SELECT l.*, NULL AS sku_name, NULL AS sku_name_zh FROM delivery_lines l WHERE l.delivery_id = ? AND l.gtin = ?`,
  );
  const hasLine = db.prepare<[string, string], { line_no: number }>(
    'SELECT line_no FROM delivery_lines WHERE delivery_id = ? AND gtin = ?',
  );
  return {
    expect(p: EventPayload<'delivery.expected'>): void {
      insert.run({ ...p, adHoc: 0 });
      for (const l of p.lines)
        insertLine.run(p.deliveryId, l.lineNo, l.gtin, l.quantity, l.unit, 0);
      for (const sscc of p.ssccs) insertSscc.run(sscc, p.deliveryId);
    },
    createAdHoc(p: EventPayload<'delivery.created'>): void {
      insert.run({
        deliveryId: p.deliveryId,
        number: p.number,
        supplierId: p.supplierId,
        expectedDate: p.expectedDate,
        adHoc: 1,
      });
    },
    setStatus(id: string, status: DeliveryStatus, seq: number): void {
      setStatus.run({ id, status, seq });
    },
    refuse(id: string, reasonsJson: string, seq: number): void {
      setStatus.run({ id, status: 'refused', seq });
      setRefusal.run(reasonsJson, id);
    },
    /** Counts units into the line for that GTIN, adding an "unexpected" line when the notice had none. */
    addReceived(deliveryId: string, gtin: string, units: number): void {
      if (!hasLine.get(deliveryId, gtin)) {
        insertLine.run(deliveryId, nextLineNo.get(deliveryId)?.n ?? 1, gtin, 0, 'EA', 1);
      }
      addReceived.run(units, deliveryId, gtin);
    },
    recordSerial(deliveryId: string, gtin: string, serial: string, seq: number): void {
      insertSerial.run(deliveryId, gtin, serial, seq);
    },
    serialSeenAt: (deliveryId: string, gtin: string, serial: string): number | null =>
      serialSeen.get(deliveryId, gtin, serial)?.seq ?? null,
    forDay: (date: string): DeliveryListRow[] => forDay.all(date),
    listRow: (id: string): DeliveryListRow | undefined => listById.get(id),
    byId: (id: string): DeliveryRow | undefined => byId.get(id),
    byNumber: (number: string): DeliveryRow | undefined => byNumber.get(number),
    bySscc: (sscc: string): DeliveryRow | undefined => bySscc.get(sscc),
    /** The delivery scans count into: the open one opened (or re-selected) last. */
    active: (): DeliveryRow | undefined => active.get(),
    lines: (id: string): DeliveryLineRow[] => lines.all(id),
    hasLine: (id: string, gtin: string): boolean => hasLine.get(id, gtin) !== undefined,
    /** The line of one GTIN (without the SKU's names: the scan path needs only the counts). */
    lineFor: (id: string, gtin: string): DeliveryLineRow | undefined => lineFor.get(id, gtin),
  };
}
export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
