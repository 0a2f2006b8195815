import { initialSwitchingState, type SwitchingState } from '../../../src-shared/sampling';
import type { Db } from '../database';

/** ISO 2859-1 switching state per supplier x SKU (normal / tightened / reduced / discontinued). */
export function createSwitchingRepo(db: Db) {
  const get = db.prepare<[string, string], { state: string }>(
    'SELECT state FROM switching_states WHERE supplier_id = ? AND sku_id = ?',
  );
  const put = db.prepare(
    `INSERT INTO switching_states (supplier_id, sku_id, state, updated_seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (supplier_id, sku_id) DO UPDATE SET state = excluded.state, updated_seq = excluded.updated_seq`,
  );
  const ofSupplier = db.prepare<[string], { sku_id: string; state: string; updated_seq: number }>(
    'SELECT sku_id, state, updated_seq FROM switching_states WHERE supplier_id = ?',
  );
  return {
    get(supplierId: string, skuId: string): SwitchingState {
      const row = get.get(supplierId, skuId);
      return row ? (JSON.parse(row.state) as SwitchingState) : initialSwitchingState();
    },
    put(supplierId: string, skuId: string, state: SwitchingState, seq: number): void {
      put.run(supplierId, skuId, JSON.stringify(state), seq);
    },
    ofSupplier: (supplierId: string) =>
      ofSupplier.all(supplierId).map((r) => ({
        skuId: r.sku_id,
        state: JSON.parse(r.state) as SwitchingState,
        updatedSeq: r.updated_seq,
      })),
  };
}
export type SwitchingRepo = ReturnType<typeof createSwitchingRepo>;
