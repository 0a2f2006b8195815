import type { Db } from '../database';

export interface CounterfeitRow {
  seq: number;
  lot_id: string;
  supplier_id: string;
  inspection_id: string | null;
  note: string;
  photos: string;
  confirmed_on: string;
  actor: string;
}

/** `counterfeit_confirmations`: lots a QC manager confirmed were counterfeit. */
export function createCounterfeitsRepo(db: Db) {
  const insert = db.prepare<CounterfeitRow>(
    `INSERT INTO counterfeit_confirmations (seq, lot_id, supplier_id, inspection_id, note, photos, confirmed_on, actor)
     VALUES (@seq, @lot_id, @supplier_id, @inspection_id, @note, @photos, @confirmed_on, @actor)`,
  );
  const since = db.prepare<[string, string], CounterfeitRow>(
    'SELECT * FROM counterfeit_confirmations WHERE supplier_id = ? AND confirmed_on >= ? ORDER BY seq',
  );
  const byLot = db.prepare<[string], CounterfeitRow>(
    'SELECT * FROM counterfeit_confirmations WHERE lot_id = ? ORDER BY seq LIMIT 1',
  );
  return {
    add: (row: CounterfeitRow): void => void insert.run(row),
    since: (supplierId: string, from: string): CounterfeitRow[] => since.all(supplierId, from),
    byLot: (lotId: string): CounterfeitRow | undefined => byLot.get(lotId),
  };
}
export type CounterfeitsRepo = ReturnType<typeof createCounterfeitsRepo>;
