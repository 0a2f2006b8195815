import type { SupplierStanding } from '../../../src-shared/events/schemas';
import type { Db } from '../database';

export type StandingSource = 'scorecard' | 'switching' | 'manager' | 'head-office';

export interface StandingHistoryRow {
  seq: number;
  supplier_id: string;
  changed_on: string;
  from_standing: SupplierStanding;
  to_standing: SupplierStanding;
  reason: string;
  automatic: number;
  source: StandingSource;
  actor: string;
}

/** `supplier_standing_history`: one row per standing change, keyed by the event's seq. */
export function createStandingHistoryRepo(db: Db) {
  const insert = db.prepare<StandingHistoryRow>(
    `INSERT INTO supplier_standing_history (seq, supplier_id, changed_on, from_standing, to_standing, reason, automatic, source, actor)
     VALUES (@seq, @supplier_id, @changed_on, @from_standing, @to_standing, @reason, @automatic, @source, @actor)`,
  );
  const ofSupplier = db.prepare<[string], StandingHistoryRow>(
    'SELECT * FROM supplier_standing_history WHERE supplier_id = ? ORDER BY seq DESC',
  );
  return {
    add: (row: StandingHistoryRow): void => void insert.run(row),
    ofSupplier: (supplierId: string): StandingHistoryRow[] => ofSupplier.all(supplierId),
  };
}
export type StandingHistoryRepo = ReturnType<typeof createStandingHistoryRepo>;
