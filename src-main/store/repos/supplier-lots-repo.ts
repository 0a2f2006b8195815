import type { LotStatus } from '../../../src-shared/events/schemas';
import type { Db } from '../database';

/**
 * Read-only views of a supplier's lots for the scorecard and the supplier page. The tables
 * (lots, lot_decisions, inspections) are the intake and inspection projections'; the supplier of
 * a lot is always its delivery's, so history imported without a supplier on the inspection
 * still counts.
 */
export interface DecisionFact {
  lot_id: string;
  decision: 'accept' | 'reject' | 'hold';
  decided_on: string;
  conditional: number;
}
export interface InspectionFact {
  completed_on: string;
  defects: number;
  units: number;
}
export interface SupplierLotRow {
  lot_id: string;
  delivery_number: string;
  gtin: string;
  sku_name: string | null;
  sku_name_zh: string | null;
  lot: string;
  quantity: number;
  received_on: string;
  status: LotStatus;
  decision: 'accept' | 'reject' | 'hold' | null;
  decided_on: string | null;
  decision_reason: string | null;
  conditional: number | null;
  override: number | null;
  inspection_id: string | null;
  sample_size: number | null;
  critical: number | null;
  major: number | null;
  minor: number | null;
  counterfeit_suspected: number | null;
  counterfeit_confirmed: number;
}
export interface LotOwnerRow {
  lot_id: string;
  status: LotStatus;
  supplier_id: string;
  inspection_id: string | null;
}

// The latest decision of each lot: a hold later decided counts as what it became.
const LATEST_DECISION = `SELECT x.* FROM lot_decisions x
  WHERE x.seq = (SELECT max(y.seq) FROM lot_decisions y WHERE y.lot_id = x.lot_id)`;
const LATEST_INSPECTION = `SELECT i.* FROM inspections i
  WHERE i.status = 'completed' AND i.rowid = (SELECT max(j.rowid) FROM inspections j WHERE j.lot_id = i.lot_id AND j.status = 'completed')`;

export function createSupplierLotsRepo(db: Db) {
  const decisions = db.prepare<[string, string], DecisionFact>(
    `SELECT ld.lot_id, ld.decision, ld.decided_on, COALESCE(ld.conditional, 0) AS conditional
     FROM (${LATEST_DECISION}) ld
     JOIN lots l ON l.lot_id = ld.lot_id JOIN deliveries d ON d.delivery_id = l.delivery_id
     WHERE d.supplier_id = ? AND ld.decided_on >= ?`,
  );
  const inspections = db.prepare<[string, string], InspectionFact>(
    `SELECT i.completed_on, i.critical + i.major + i.minor AS defects,
       COALESCE(i.units_inspected, i.sample_size) AS units
     FROM inspections i JOIN lots l ON l.lot_id = i.lot_id JOIN deliveries d ON d.delivery_id = l.delivery_id
     WHERE d.supplier_id = ? AND i.status = 'completed' AND i.completed_on >= ?`,
  );
  const lotsOf = db.prepare<[string, number], SupplierLotRow>(
    `SELECT l.lot_id, d.number AS delivery_number, l.gtin, k.name AS sku_name, k.name_zh AS sku_name_zh,
       l.lot, l.quantity, l.received_on, l.status,
       ld.decision, ld.decided_on, ld.reason AS decision_reason, ld.conditional, ld.override,
       li.inspection_id, li.sample_size, li.critical, li.major, li.minor, li.counterfeit_suspected,
       EXISTS (SELECT 1 FROM counterfeit_confirmations c WHERE c.lot_id = l.lot_id) AS counterfeit_confirmed
     FROM lots l
     JOIN deliveries d ON d.delivery_id = l.delivery_id
     LEFT JOIN sku_packaging p ON p.gtin = l.gtin
     LEFT JOIN skus k ON k.sku_id = p.sku_id
     LEFT JOIN (${LATEST_DECISION}) ld ON ld.lot_id = l.lot_id
     LEFT JOIN (${LATEST_INSPECTION}) li ON li.lot_id = l.lot_id
     WHERE d.supplier_id = ?
     ORDER BY l.received_seq DESC LIMIT ?`,
  );
  const owner = db.prepare<[string], LotOwnerRow>(
    `SELECT l.lot_id, l.status, d.supplier_id,
       (SELECT max(i.inspection_id) FROM (${LATEST_INSPECTION}) i WHERE i.lot_id = l.lot_id) AS inspection_id
     FROM lots l JOIN deliveries d ON d.delivery_id = l.delivery_id WHERE l.lot_id = ?`,
  );
  return {
    /** Latest decision of each of the supplier's lots decided on or after `from`. */
    decisionsSince: (supplierId: string, from: string): DecisionFact[] =>
      decisions.all(supplierId, from),
    /** Completed inspections of the supplier's lots since `from`, with their defect counts. */
    inspectionsSince: (supplierId: string, from: string): InspectionFact[] =>
      inspections.all(supplierId, from),
    lotsOf: (supplierId: string, limit: number): SupplierLotRow[] => lotsOf.all(supplierId, limit),
    /** A lot with its status, its delivery's supplier and its latest completed inspection. */
    owner: (lotId: string): LotOwnerRow | undefined => owner.get(lotId),
  };
}
export type SupplierLotsRepo = ReturnType<typeof createSupplierLotsRepo>;
