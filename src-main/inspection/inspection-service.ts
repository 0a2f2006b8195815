import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type {
  CheckResult,
  InspectionTemplate,
  LotPlan,
  SeverityName,
} from '../../src-shared/events/schemas-inspection';
import {
  cartonsToOpen,
  evaluateUnit,
  judge,
  planLot,
  type Judgement,
} from '../../src-shared/inspection';
import type { GateResult } from '../../src-shared/intake/supplier-gate';
import {
  acceptNumberOneStepTighter,
  decideSpotCheck,
  isoWeek,
  newSeed,
  parseAql,
  selectUnits,
  type PlanCodeLetter,
  type SwitchingState,
} from '../../src-shared/sampling';
import { addDays } from '../../src-shared/util/dates';
import { AppError } from '../api/app-error';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { InspectionRow } from '../store/repos/inspections-repo';
import type { LotRow } from '../store/repos/lots-repo';
import type { SkuRow } from '../store/repos/skus-repo';

export interface InspectionPolicy {
  /** Inspections required per category and ISO week, whatever the skip rules say. */
  spotCheckQuota: number;
  /** Categories whose lots may skip inspection while their supplier x SKU is on reduced inspection. */
  skipLotCategories: readonly string[];
}

export interface InspectionDeps {
  repos: Repos;
  log: EventLog;
  today: () => string;
  templateFor: (sku: SkuRow) => InspectionTemplate | null;
  templateById: (templateId: string) => InspectionTemplate | null;
  gate: (supplierId: string) => GateResult;
  policy: () => InspectionPolicy;
  /** True when the photo store holds a photo with this SHA-256. */
  photoExists: (sha256: string) => boolean;
}

/** What the station proposes for a lot before its inspection starts. */
export interface LotProposal {
  lot: LotRow;
  supplierId: string;
  sku: SkuRow | null;
  template: InspectionTemplate | null;
  switching: SwitchingState;
  severity: SeverityName;
  forced: 'probation' | 'spot-check' | null;
  plan: LotPlan | null;
  cartonCount: number;
  unitsPerCarton: number;
  skip: { allowed: boolean; reason: string };
  quota: { category: string; week: string; done: number; quota: number };
  problems: string[];
}

const SEVERITY_RANK: Record<SeverityName, number> = { reduced: 0, normal: 1, tightened: 2 };

/**
 * Inspection at the dock: the plan for a lot (ISO 2859-1 per defect class, at the severity the
 * switching rules and the supplier's standing give), the cartons to open (reproducible from a
 * recorded seed), the sampled units worked through the template, the counts against Ac/Re and
 * the station's proposal. Decisions and sign-offs live in LotDecisions.
 */
export class InspectionService {
  constructor(private readonly d: InspectionDeps) {}

  lot(lotId: string): LotRow {
    const lot = this.d.repos.lots.byId(lotId);
    if (!lot) throw new AppError('not_found', `No lot with id ${lotId}.`);
    return lot;
  }

  /** Inspections done in a category in the ISO week of `date` (Monday to Sunday). */
  private weekCount(date: string, category: string): { week: string; done: number } {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(date, -weekday);
    const counts = this.d.repos.inspections.countsPerCategory(monday, addDays(monday, 6));
    return { week: isoWeek(date), done: counts.get(category) ?? 0 };
  }

  quota(): { category: string; week: string; done: number; quota: number }[] {
    const today = this.d.today();
    const categories = [...new Set(this.d.repos.skus.all().map((k) => k.category))].sort();
    return categories.map((category) => ({
      category,
      ...this.weekCount(today, category),
      quota: this.d.policy().spotCheckQuota,
    }));
  }

  proposal(lotId: string): LotProposal {
    const lot = this.lot(lotId);
    const delivery = this.d.repos.deliveries.byId(lot.delivery_id);
    if (!delivery) throw new AppError('not_found', `The delivery of lot ${lot.lot} is missing.`);
    const sku = this.d.repos.skus.byAnyGtin(lot.gtin)?.sku ?? null;
    const problems: string[] = [];
    const template = sku ? this.d.templateFor(sku) : null;
    if (!sku) problems.push(`GTIN ${lot.gtin} is not an SKU of this station.`);
    else if (!template)
      problems.push(
        `No inspection template for ${sku.name} (category ${sku.category}): a QC manager must assign one.`,
      );
    const switching = this.d.repos.switching.get(delivery.supplier_id, sku?.sku_id ?? '');
    if (switching.discontinued) {
      problems.push(
        'Acceptance of this supplier and SKU is discontinued (five lots not accepted on tightened inspection): the supplier is suspended pending review.',
      );
    }
    const gate = this.d.gate(delivery.supplier_id);
    let severity: SeverityName = switching.severity;
    let forced: LotProposal['forced'] = null;
    if (gate.forceTightened && SEVERITY_RANK[severity] < SEVERITY_RANK.tightened) {
      // Probation: tightened inspection whatever the switching state says.
      severity = 'tightened';
      forced = 'probation';
    }
    const category = sku?.category ?? 'unknown';
    const policy = this.d.policy();
    const today = this.d.today();
    const { week, done } = this.weekCount(today, category);
    const spot = decideSpotCheck({
      category,
      date: today,
      counts: { [category]: { [week]: done } },
      quota: policy.spotCheckQuota,
    });
    const skipEligible =
      switching.severity === 'reduced' &&
      gate.verdict === 'allow' &&
      policy.skipLotCategories.includes(category);
    let skip = { allowed: false, reason: 'This lot must be inspected.' };
    if (skipEligible && spot.forceInspection) {
      skip = { allowed: false, reason: spot.reason };
      forced = forced ?? 'spot-check';
    } else if (skipEligible) {
      skip = {
        allowed: true,
        reason: `Reduced inspection and the ${category} spot-check quota is met: this lot may skip inspection.`,
      };
    }
    if (lot.quantity === 0) problems.push('The lot has no units counted yet.');
    const plan = template && lot.quantity > 0 ? planLot(template, lot.quantity, severity) : null;
    const perCarton = sku ? (this.d.repos.inspections.caseUnits(sku.sku_id) ?? 1) : 1;
    const cartonCount = Math.ceil(lot.quantity / perCarton);
    const open = plan
      ? cartonsToOpen(plan.sampleSize, cartonCount)
      : { cartons: 0, unitsPerCarton: 0 };
    return {
      lot,
      supplierId: delivery.supplier_id,
      sku,
      template,
      switching,
      severity,
      forced,
      plan,
      cartonCount,
      unitsPerCarton: open.unitsPerCarton,
      skip,
      quota: { category, week, done, quota: policy.spotCheckQuota },
      problems,
    };
  }

  start(lotId: string, actor: string): InspectionRow {
    const current = this.d.repos.inspections.latestForLot(lotId);
    if (current?.status === 'in-progress') return current;
    const p = this.proposal(lotId);
    if (p.problems.length > 0 || !p.plan || !p.template || !p.sku) {
      throw new AppError('refused', p.problems.join(' ') || 'This lot cannot be inspected.');
    }
    if (p.lot.status !== 'awaiting-inspection' && p.lot.status !== 'on-hold') {
      throw new AppError(
        'conflict',
        `Lot ${p.lot.lot} is ${p.lot.status}: it has been decided already.`,
      );
    }
    const seed = newSeed(randomBytes(16));
    const cartons = selectUnits({
      population: p.cartonCount,
      count: Math.min(p.cartonCount, p.plan.sampleSize),
      seed,
    });
    const inspectionId = `insp-${uuidv7()}`;
    this.d.log.append({
      type: 'inspection.started',
      payload: {
        inspectionId,
        lotId,
        deliveryId: p.lot.delivery_id,
        supplierId: p.supplierId,
        skuId: p.sku.sku_id,
        templateId: p.template.templateId,
        plan: p.plan,
        forced: p.forced,
        seed,
        cartonCount: p.cartonCount,
        cartons,
        startedOn: this.d.today(),
      },
      actor,
      subjects: [
        `lot:${lotId}`,
        `delivery:${p.lot.delivery_id}`,
        `supplier:${p.supplierId}`,
        `inspection:${inspectionId}`,
      ],
    });
    return this.row(inspectionId);
  }

  row(inspectionId: string): InspectionRow {
    const row = this.d.repos.inspections.byId(inspectionId);
    if (!row) throw new AppError('not_found', `No inspection with id ${inspectionId}.`);
    return row;
  }

  private inProgress(inspectionId: string): InspectionRow {
    const row = this.row(inspectionId);
    if (row.status !== 'in-progress')
      throw new AppError('conflict', 'This inspection is already completed.');
    return row;
  }

  /** The template an inspection was started with (its id is fixed in the log). */
  templateOf(row: InspectionRow): InspectionTemplate {
    const template = row.template_id ? this.d.templateById(row.template_id) : null;
    if (!template)
      throw new AppError('not_found', 'The inspection template of this inspection is missing.');
    return template;
  }

  judgement(row: InspectionRow): Judgement | null {
    if (!row.plan) return null;
    return judge(
      JSON.parse(row.plan) as LotPlan,
      this.d.repos.inspections.outcomes(row.inspection_id),
    );
  }

  recordUnit(
    inspectionId: string,
    input: { unitCode?: string | undefined; results: CheckResult[]; photos: string[] },
    actor: string,
  ): void {
    const row = this.inProgress(inspectionId);
    if (this.judgement(row)?.complete) {
      throw new AppError(
        'conflict',
        'The sample is complete (or the lot already rejected): complete the inspection.',
      );
    }
    for (const sha of input.photos) {
      if (!this.d.photoExists(sha))
        throw new AppError(
          'invalid_input',
          `Photo ${sha.slice(0, 12)}… is not in this station's photo store.`,
        );
    }
    const e = evaluateUnit(this.templateOf(row).checks, input.results, input.photos.length);
    if (e.problems.length > 0) throw new AppError('invalid_input', e.problems.join(' '));
    const unitNo = (this.d.repos.inspections.units(inspectionId).at(-1)?.unit_no ?? 0) + 1;
    this.d.log.append({
      type: 'inspection.unit-recorded',
      payload: {
        inspectionId,
        unitNo,
        unitCode: input.unitCode?.slice(0, 200) ?? null,
        results: e.results,
        photos: input.photos,
        defective: e.defective,
        counterfeitSignal: e.counterfeitSignal,
      },
      actor,
      subjects: [`inspection:${inspectionId}`, `lot:${row.lot_id}`],
    });
  }

  complete(inspectionId: string, actor: string): void {
    const row = this.inProgress(inspectionId);
    const plan = JSON.parse(row.plan ?? '{}') as LotPlan;
    const verdict = this.judgement(row);
    if (!verdict?.proposal) {
      throw new AppError(
        'conflict',
        `The sample is not complete: ${verdict?.unitsRecorded ?? 0} of ${plan.sampleSize} units recorded and no class has reached its reject number.`,
      );
    }
    const major = plan.classes.major;
    const acceptOneStepTighter =
      plan.severity === 'normal' && major.aql !== null && major.planCodeLetter
        ? acceptNumberOneStepTighter(major.planCodeLetter as PlanCodeLetter, parseAql(major.aql))
        : null;
    this.d.log.transaction(() => {
      this.d.log.append({
        type: 'inspection.completed',
        payload: {
          inspectionId,
          lotId: row.lot_id,
          severity: plan.severity,
          sampleSize: plan.sampleSize,
          critical: verdict.classes.critical.defective,
          major: verdict.classes.major.defective,
          minor: verdict.classes.minor.defective,
          completedOn: this.d.today(),
          unitsInspected: verdict.unitsRecorded,
          proposal: verdict.proposal ?? 'hold',
          reasons: verdict.reasons.map((r) => r.en),
          counterfeitSuspected: verdict.counterfeitSuspected,
          acceptOneStepTighter,
        },
        actor,
        subjects: [
          `inspection:${inspectionId}`,
          `lot:${row.lot_id}`,
          ...(row.supplier_id ? [`supplier:${row.supplier_id}`] : []),
        ],
      });
      this.discontinueIfNeeded(row, actor);
    });
  }

  /** Five lots not accepted on tightened inspection: the supplier is suspended pending review. */
  private discontinueIfNeeded(row: InspectionRow, actor: string): void {
    if (!row.supplier_id || !row.sku_id) return;
    const state = this.d.repos.switching.get(row.supplier_id, row.sku_id);
    const supplier = this.d.repos.suppliers.byId(row.supplier_id);
    if (
      !state.discontinued ||
      !supplier ||
      supplier.standing === 'suspended' ||
      supplier.standing === 'blacklisted'
    )
      return;
    this.d.log.append({
      type: 'supplier.standing-changed',
      payload: {
        supplierId: supplier.supplier_id,
        from: supplier.standing,
        to: 'suspended',
        reason: `ISO 2859-1: five lots of SKU ${row.sku_id} not accepted on tightened inspection; acceptance discontinued pending review.`,
        automatic: true,
        source: 'switching',
      },
      actor,
      subjects: [`supplier:${supplier.supplier_id}`, `sku:${row.sku_id}`],
    });
  }
}
