import type { Db } from '../database';

export interface QuarantineRow {
  delivery_id: string;
  gtin: string;
  units: number;
  first_seq: number;
  identified_sku_id: string | null;
}

export function createQuarantineRepo(db: Db) {
  const add = db.prepare(
    `INSERT INTO quarantine_items (delivery_id, gtin, units, first_seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (delivery_id, gtin) DO UPDATE SET units = units + excluded.units`,
  );
  const identify = db.prepare(
    'UPDATE quarantine_items SET identified_sku_id = ? WHERE delivery_id = ? AND gtin = ?',
  );
  const ofDelivery = db.prepare<[string], QuarantineRow>(
    'SELECT * FROM quarantine_items WHERE delivery_id = ? ORDER BY first_seq',
  );
  const one = db.prepare<[string, string], QuarantineRow>(
    'SELECT * FROM quarantine_items WHERE delivery_id = ? AND gtin = ?',
  );
  return {
    add(deliveryId: string, gtin: string, units: number, seq: number): void {
      add.run(deliveryId, gtin, units, seq);
    },
    identify(deliveryId: string, gtin: string, skuId: string): void {
      identify.run(skuId, deliveryId, gtin);
    },
    ofDelivery: (deliveryId: string): QuarantineRow[] => ofDelivery.all(deliveryId),
    get: (deliveryId: string, gtin: string): QuarantineRow | undefined => one.get(deliveryId, gtin),
  };
}
export type QuarantineRepo = ReturnType<typeof createQuarantineRepo>;
