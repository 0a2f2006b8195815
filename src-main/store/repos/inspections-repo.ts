import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { UnitOutcome } from '../../../src-shared/inspection';
import type { Db } from '../database';

export interface InspectionRow {
  inspection_id: string;
  lot_id: string;
  severity: string;
  sample_size: number;
  critical: number;
  major: number;
  minor: number;
  completed_on: string;
  inspector: string;
  delivery_id: string | null;
  supplier_id: string | null;
  sku_id: string | null;
  template_id: string | null;
  plan: string | null;
  forced: string | null;
  seed: string | null;
  cartons: string | null;
  carton_count: number | null;
  started_on: string | null;
  started_seq: number | null;
  status: 'in-progress' | 'completed';
  units_inspected: number | null;
  proposal: string | null;
  reasons: string | null;
  counterfeit_suspected: number;
}

export interface InspectionUnitRow {
  inspection_id: string;
  unit_no: number;
  unit_code: string | null;
  results: string;
  photos: string;
  critical: number;
  major: number;
  minor: number;
  counterfeit_signal: number;
  seq: number;
}

/** Inspections, their sampled units, skipped lots and returns to the supplier. */
export function createInspectionsRepo(db: Db) {
  const start = db.prepare(
    `INSERT INTO inspections (inspection_id, lot_id, severity, sample_size, critical, major, minor, completed_on, inspector,
       delivery_id, supplier_id, sku_id, template_id, plan, forced, seed, cartons, carton_count, started_on, started_seq, status)
     VALUES (@inspectionId, @lotId, @severity, @sampleSize, 0, 0, 0, '', @inspector, @deliveryId, @supplierId, @skuId,
       @templateId, @plan, @forced, @seed, @cartons, @cartonCount, @startedOn, @seq, 'in-progress')`,
  );
  // History recorded as one completed event (no start) inserts; a started inspection updates.
  const complete = db.prepare(
    `INSERT INTO inspections (inspection_id, lot_id, severity, sample_size, critical, major, minor, completed_on, inspector,
       status, units_inspected, proposal, reasons, counterfeit_suspected)
     VALUES (@inspectionId, @lotId, @severity, @sampleSize, @critical, @major, @minor, @completedOn, @inspector,
       'completed', @unitsInspected, @proposal, @reasons, @counterfeit)
     ON CONFLICT (inspection_id) DO UPDATE SET critical = excluded.critical, major = excluded.major, minor = excluded.minor,
       completed_on = excluded.completed_on, status = 'completed', units_inspected = excluded.units_inspected,
       proposal = excluded.proposal, reasons = excluded.reasons, counterfeit_suspected = excluded.counterfeit_suspected`,
  );
  const insertUnit = db.prepare(
    `INSERT INTO inspection_units (inspection_id, unit_no, unit_code, results, photos, critical, major, minor, counterfeit_signal, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSkip = db.prepare(
    'INSERT INTO inspection_skips (lot_id, category, week, reason, seq) VALUES (?, ?, ?, ?, ?)',
  );
  const insertReturn = db.prepare(
    'INSERT INTO lot_returns (return_id, lot_id, delivery_id, supplier_id, quantity, reason, seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], InspectionRow>(
    'SELECT * FROM inspections WHERE inspection_id = ?',
  );
  const latestForLot = db.prepare<[string], InspectionRow>(
    'SELECT * FROM inspections WHERE lot_id = ? ORDER BY COALESCE(started_seq, 0) DESC, rowid DESC LIMIT 1',
  );
  const units = db.prepare<[string], InspectionUnitRow>(
    'SELECT * FROM inspection_units WHERE inspection_id = ? ORDER BY unit_no',
  );
  const inProgress = db.prepare<[], InspectionRow>(
    "SELECT * FROM inspections WHERE status = 'in-progress' ORDER BY started_seq",
  );
  // Spot-check quota: inspections started (or, for history, completed) per category in a date range.
  const perCategory = db.prepare<[string, string, string, string], { category: string; n: number }>(
    `SELECT k.category AS category, count(*) AS n FROM inspections i
     JOIN lots l ON l.lot_id = i.lot_id
     JOIN sku_packaging p ON p.gtin = l.gtin JOIN skus k ON k.sku_id = p.sku_id
     WHERE (i.started_on BETWEEN ? AND ?) OR (i.started_on IS NULL AND i.completed_on BETWEEN ? AND ?)
     GROUP BY k.category`,
  );
  const caseUnits = db.prepare<[string], { n: number | null }>(
    "SELECT max(units_per) AS n FROM sku_packaging WHERE sku_id = ? AND level = 'case'",
  );
  const returnsOf = db.prepare<
    [string],
    { return_id: string; quantity: number; reason: string; seq: number }
  >('SELECT return_id, quantity, reason, seq FROM lot_returns WHERE lot_id = ?');
  return {
    start(p: EventPayload<'inspection.started'>, inspector: string, seq: number): void {
      start.run({
        inspectionId: p.inspectionId,
        lotId: p.lotId,
        severity: p.plan.severity,
        sampleSize: p.plan.sampleSize,
        inspector,
        deliveryId: p.deliveryId,
        supplierId: p.supplierId,
        skuId: p.skuId,
        templateId: p.templateId,
        plan: JSON.stringify(p.plan),
        forced: p.forced,
        seed: p.seed,
        cartons: JSON.stringify(p.cartons),
        cartonCount: p.cartonCount,
        startedOn: p.startedOn,
        seq,
      });
    },
    complete(p: EventPayload<'inspection.completed'>, inspector: string): void {
      complete.run({
        inspectionId: p.inspectionId,
        lotId: p.lotId,
        severity: p.severity,
        sampleSize: p.sampleSize,
        critical: p.critical,
        major: p.major,
        minor: p.minor,
        completedOn: p.completedOn,
        inspector,
        unitsInspected: p.unitsInspected ?? p.sampleSize,
        proposal: p.proposal ?? null,
        reasons: p.reasons ? JSON.stringify(p.reasons) : null,
        counterfeit: p.counterfeitSuspected ? 1 : 0,
      });
    },
    recordUnit(p: EventPayload<'inspection.unit-recorded'>, seq: number): void {
      const d = p.defective ?? { critical: false, major: false, minor: false };
      insertUnit.run(
        p.inspectionId,
        p.unitNo,
        p.unitCode,
        JSON.stringify(p.results),
        JSON.stringify(p.photos),
        d.critical ? 1 : 0,
        d.major ? 1 : 0,
        d.minor ? 1 : 0,
        p.counterfeitSignal ? 1 : 0,
        seq,
      );
    },
    recordSkip(p: EventPayload<'inspection.skipped'>, seq: number): void {
      insertSkip.run(p.lotId, p.category, p.week, p.reason, seq);
    },
    recordReturn(p: EventPayload<'lot.returned'>, seq: number): void {
      insertReturn.run(p.returnId, p.lotId, p.deliveryId, p.supplierId, p.quantity, p.reason, seq);
    },
    byId: (id: string): InspectionRow | undefined => byId.get(id),
    latestForLot: (lotId: string): InspectionRow | undefined => latestForLot.get(lotId),
    units: (id: string): InspectionUnitRow[] => units.all(id),
    /** Each recorded unit's verdict per defect class, for the running counts against Ac/Re. */
    outcomes: (id: string): UnitOutcome[] =>
      units.all(id).map((u) => ({
        unitNo: u.unit_no,
        defective: { critical: u.critical === 1, major: u.major === 1, minor: u.minor === 1 },
        counterfeitSignal: u.counterfeit_signal === 1,
      })),
    /** Consumer units in one carton of the SKU (its case level), if known: cartons to open. */
    caseUnits: (skuId: string): number | null => caseUnits.get(skuId)?.n ?? null,
    inProgress: (): InspectionRow[] => inProgress.all(),
    countsPerCategory(from: string, to: string): Map<string, number> {
      return new Map(perCategory.all(from, to, from, to).map((r) => [r.category, r.n]));
    },
    returnsOf: (lotId: string) => returnsOf.all(lotId),
  };
}
export type InspectionsRepo = ReturnType<typeof createInspectionsRepo>;
