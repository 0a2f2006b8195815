import type { PenaltyStatus } from '../../../src-shared/suppliers/penalties';
import type { Db } from '../database';

export interface PenaltyRow {
  penalty_id: string;
  supplier_id: string;
  rule: string;
  amount_cny: number;
  basis: string;
  lot_id: string | null;
  inspection_id: string | null;
  note: string;
  status: PenaltyStatus;
  proposed_on: string;
  proposed_by: string;
  proposed_seq: number;
  status_reason: string | null;
  status_changed_on: string | null;
  status_changed_by: string | null;
  updated_seq: number;
}

export interface PenaltyListRow extends PenaltyRow {
  supplier_name: string;
}

export type NewPenaltyRow = Omit<
  PenaltyRow,
  'status' | 'status_reason' | 'status_changed_on' | 'status_changed_by' | 'updated_seq'
>;

/** `penalties`: every proposed penalty and where it stands (proposed, confirmed, paid, waived). */
export function createPenaltiesRepo(db: Db) {
  const insert = db.prepare<NewPenaltyRow>(
    `INSERT INTO penalties (penalty_id, supplier_id, rule, amount_cny, basis, lot_id, inspection_id, note, status,
       proposed_on, proposed_by, proposed_seq, updated_seq)
     VALUES (@penalty_id, @supplier_id, @rule, @amount_cny, @basis, @lot_id, @inspection_id, @note, 'proposed',
       @proposed_on, @proposed_by, @proposed_seq, @proposed_seq)`,
  );
  const setStatus = db.prepare(
    `UPDATE penalties SET status = ?, status_reason = ?, status_changed_on = ?, status_changed_by = ?, updated_seq = ?
     WHERE penalty_id = ?`,
  );
  const listSql = `SELECT p.*, COALESCE(s.name, p.supplier_id) AS supplier_name
    FROM penalties p LEFT JOIN suppliers s ON s.supplier_id = p.supplier_id`;
  const byId = db.prepare<[string], PenaltyListRow>(`${listSql} WHERE p.penalty_id = ?`);
  // NULL parameters mean "any": one statement serves every filter combination.
  const list = db.prepare<{ supplierId: string | null; status: string | null }, PenaltyListRow>(
    `${listSql} WHERE (@supplierId IS NULL OR p.supplier_id = @supplierId) AND (@status IS NULL OR p.status = @status)
     ORDER BY p.proposed_seq DESC`,
  );
  const openCounts = db.prepare<[], { supplier_id: string; n: number }>(
    `SELECT supplier_id, count(*) AS n FROM penalties WHERE status IN ('proposed', 'confirmed') GROUP BY supplier_id`,
  );
  return {
    propose: (row: NewPenaltyRow): void => void insert.run(row),
    setStatus(
      penaltyId: string,
      change: { status: PenaltyStatus; reason: string; on: string; by: string; seq: number },
    ): void {
      setStatus.run(change.status, change.reason, change.on, change.by, change.seq, penaltyId);
    },
    byId: (penaltyId: string): PenaltyListRow | undefined => byId.get(penaltyId),
    list: (supplierId?: string, status?: PenaltyStatus): PenaltyListRow[] =>
      list.all({ supplierId: supplierId ?? null, status: status ?? null }),
    /** Proposed or confirmed (not yet settled) penalties per supplier. */
    openCounts: (): Map<string, number> =>
      new Map(openCounts.all().map((r) => [r.supplier_id, r.n])),
  };
}
export type PenaltiesRepo = ReturnType<typeof createPenaltiesRepo>;
