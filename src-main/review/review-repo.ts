import type { Db } from '../store/database';

/** A lot on the review queue with its SKU, delivery and supplier, and why it is there. */
export interface QueueLotRow {
  lot_id: string;
  gtin: string;
  lot: string;
  delivery_id: string;
  delivery_number: string;
  supplier_id: string;
  supplier_name: string;
  sku_name: string | null;
  category: string | null;
  at: string;
  summary: string;
  summary_zh: string | null;
  by_user: string | null;
}

/** A lot whose latest decision was conditional or an override. */
export interface QueueDecisionRow extends QueueLotRow {
  lot_status: string;
  stock_status: string;
  conditional: number;
  override: number;
}

export interface QueueComplaintRow {
  complaint_id: string;
  lot_id: string | null;
  gtin: string | null;
  lot: string | null;
  delivery_id: string | null;
  delivery_number: string | null;
  supplier_id: string | null;
  supplier_name: string | null;
  sku_name: string | null;
  category: string | null;
  at: string;
  summary: string;
  by_user: string;
}

export interface DecidedLotRow {
  supplier_id: string;
  supplier_name: string;
  decision: 'accept' | 'reject' | 'hold';
  conditional: number;
  decided_on: string;
}

/** Named parameters of every query: null supplier or category means "any". */
export interface RepoFilter {
  supplierId: string | null;
  category: string | null;
  from: string;
  to: string;
}

const LOT_COLUMNS = `l.lot_id, l.gtin, l.lot, l.delivery_id, d.number AS delivery_number, d.supplier_id,
  s.name AS supplier_name, k.name AS sku_name, k.category`;

const LOT_JOINS = `JOIN deliveries d ON d.delivery_id = l.delivery_id
  JOIN suppliers s ON s.supplier_id = d.supplier_id
  LEFT JOIN sku_packaging p ON p.gtin = l.gtin
  LEFT JOIN skus k ON k.sku_id = p.sku_id`;

const LOT_FILTER = `(@supplierId IS NULL OR d.supplier_id = @supplierId)
  AND (@category IS NULL OR k.category = @category)`;

/** The lot's latest decision: the one that gives it its current status. */
const LATEST = '(SELECT max(y.seq) FROM lot_decisions y WHERE y.lot_id = l.lot_id)';

/**
 * Read-only queries of the review console across the lots, lot_decisions, inspections and
 * complaints projections. Dates are compared as ISO strings (`from`/`to` inclusive).
 */
export function createReviewRepo(db: Db) {
  // The lots_status index serves both the holds and the lots awaiting inspection.
  const holds = db.prepare<[RepoFilter], QueueLotRow>(
    `SELECT ${LOT_COLUMNS}, COALESCE(x.decided_on, l.received_on) AS at,
       COALESCE(x.reason, '') AS summary, NULL AS summary_zh, x.actor AS by_user
     FROM lots l ${LOT_JOINS}
     LEFT JOIN lot_decisions x ON x.lot_id = l.lot_id AND x.seq = ${LATEST}
     WHERE l.status = 'on-hold' AND ${LOT_FILTER}
       AND COALESCE(x.decided_on, l.received_on) BETWEEN @from AND @to`,
  );
  const shortShelfLife = db.prepare<[RepoFilter], QueueLotRow>(
    `SELECT ${LOT_COLUMNS}, l.received_on AS at, COALESCE(l.shelf_reason_en, '') AS summary,
       l.shelf_reason_zh AS summary_zh, NULL AS by_user
     FROM lots l ${LOT_JOINS}
     WHERE l.status = 'awaiting-inspection' AND l.shelf_acceptable = 0 AND ${LOT_FILTER}
       AND l.received_on BETWEEN @from AND @to`,
  );
  // Who signed the decision off is who answers for it; the actor only typed it in.
  const signedDecisions = db.prepare<[RepoFilter], QueueDecisionRow>(
    `SELECT ${LOT_COLUMNS}, l.status AS lot_status, l.stock_status, x.conditional, x.override,
       x.decided_on AS at, x.reason AS summary, NULL AS summary_zh,
       COALESCE(json_extract(x.sign_off, '$.userId'), x.actor) AS by_user
     FROM lot_decisions x JOIN lots l ON l.lot_id = x.lot_id ${LOT_JOINS}
     WHERE (x.conditional = 1 OR x.override = 1) AND x.seq = ${LATEST}
       AND l.status <> 'on-hold' AND ${LOT_FILTER} AND x.decided_on BETWEEN @from AND @to`,
  );
  const openComplaints = db.prepare<[RepoFilter], QueueComplaintRow>(
    `SELECT c.complaint_id, c.lot_id, COALESCE(l.gtin, c.gtin) AS gtin, c.lot, l.delivery_id,
       d.number AS delivery_number, c.supplier_id, s.name AS supplier_name, k.name AS sku_name,
       k.category, c.received_on AS at, c.description AS summary, c.recorded_by AS by_user
     FROM complaints c
     LEFT JOIN lots l ON l.lot_id = c.lot_id
     LEFT JOIN deliveries d ON d.delivery_id = l.delivery_id
     LEFT JOIN suppliers s ON s.supplier_id = c.supplier_id
     LEFT JOIN sku_packaging p ON p.gtin = COALESCE(l.gtin, c.gtin)
     LEFT JOIN skus k ON k.sku_id = p.sku_id
     WHERE c.status = 'open'
       AND (@supplierId IS NULL OR c.supplier_id = @supplierId)
       AND (@category IS NULL OR k.category = @category)
       AND c.received_on BETWEEN @from AND @to`,
  );
  // One row per lot: its latest decision, counted in the week it was taken (as the scorecard).
  const decidedLots = db.prepare<[RepoFilter], DecidedLotRow>(
    `SELECT d.supplier_id, s.name AS supplier_name, x.decision, x.conditional, x.decided_on
     FROM lot_decisions x JOIN lots l ON l.lot_id = x.lot_id ${LOT_JOINS}
     WHERE x.decided_on BETWEEN @from AND @to AND x.seq = ${LATEST} AND ${LOT_FILTER}`,
  );
  // Defects as the scorecard counts them: critical + major + minor of completed inspections.
  const defectsByCategory = db.prepare<[RepoFilter], { key: string; n: number }>(
    `SELECT COALESCE(k.category, '') AS key, sum(i.critical + i.major + i.minor) AS n
     FROM inspections i JOIN lots l ON l.lot_id = i.lot_id ${LOT_JOINS}
     WHERE i.status = 'completed' AND i.completed_on BETWEEN @from AND @to AND ${LOT_FILTER}
     GROUP BY key HAVING n > 0`,
  );
  // Each failed check of each sampled unit: the results are a JSON array of {checkId, passed}.
  const failedChecks = db.prepare<[RepoFilter], { key: string; n: number }>(
    `SELECT json_extract(r.value, '$.checkId') AS key, count(*) AS n
     FROM inspections i JOIN lots l ON l.lot_id = i.lot_id ${LOT_JOINS}
     JOIN inspection_units u ON u.inspection_id = i.inspection_id
     JOIN json_each(u.results) r
     WHERE i.status = 'completed' AND i.completed_on BETWEEN @from AND @to AND ${LOT_FILTER}
       AND json_extract(r.value, '$.passed') = 0
     GROUP BY key`,
  );
  return {
    holds: (f: RepoFilter): QueueLotRow[] => holds.all(f),
    shortShelfLife: (f: RepoFilter): QueueLotRow[] => shortShelfLife.all(f),
    signedDecisions: (f: RepoFilter): QueueDecisionRow[] => signedDecisions.all(f),
    openComplaints: (f: RepoFilter): QueueComplaintRow[] => openComplaints.all(f),
    decidedLots: (f: RepoFilter): DecidedLotRow[] => decidedLots.all(f),
    defectsByCategory: (f: RepoFilter) => defectsByCategory.all(f),
    failedChecks: (f: RepoFilter) => failedChecks.all(f),
  };
}
export type ReviewRepo = ReturnType<typeof createReviewRepo>;
