import type { Db } from '../database';

export interface DeliveryPerformanceRow {
  delivery_id: string;
  supplier_id: string;
  expected_date: string;
  arrived_on: string | null;
  closed_on: string | null;
  short_lines: number;
  refused: number;
}

/**
 * `delivery_performance`: what the scorecard needs to know about each delivery (on time, in
 * full), kept by the supplier-quality projection from the intake events.
 */
export function createDeliveryPerformanceRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO delivery_performance (delivery_id, supplier_id, expected_date) VALUES (?, ?, ?)
     ON CONFLICT (delivery_id) DO UPDATE SET supplier_id = excluded.supplier_id, expected_date = excluded.expected_date`,
  );
  // The earliest date wins: a lot received on day 1 of a delivery reopened on day 2 arrived on day 1.
  const arrived = db.prepare(
    `UPDATE delivery_performance SET arrived_on = CASE WHEN arrived_on IS NULL OR @date < arrived_on THEN @date ELSE arrived_on END
     WHERE delivery_id = @deliveryId`,
  );
  const closed = db.prepare(
    'UPDATE delivery_performance SET closed_on = ?, short_lines = ? WHERE delivery_id = ?',
  );
  const refused = db.prepare('UPDATE delivery_performance SET refused = 1 WHERE delivery_id = ?');
  const ofSupplier = db.prepare<[string, string], DeliveryPerformanceRow>(
    `SELECT * FROM delivery_performance WHERE supplier_id = ? AND refused = 0 AND arrived_on >= ?
     ORDER BY arrived_on`,
  );
  return {
    expect(deliveryId: string, supplierId: string, expectedDate: string): void {
      insert.run(deliveryId, supplierId, expectedDate);
    },
    arrived(deliveryId: string, date: string): void {
      arrived.run({ date, deliveryId });
    },
    closed(deliveryId: string, date: string, shortLines: number): void {
      closed.run(date, shortLines, deliveryId);
    },
    refused(deliveryId: string): void {
      refused.run(deliveryId);
    },
    /** Deliveries of a supplier that arrived on or after `from` (refused ones never arrived). */
    arrivedSince: (supplierId: string, from: string): DeliveryPerformanceRow[] =>
      ofSupplier.all(supplierId, from),
  };
}
export type DeliveryPerformanceRepo = ReturnType<typeof createDeliveryPerformanceRepo>;
