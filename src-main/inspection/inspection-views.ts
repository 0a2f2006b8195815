import type { LotSummary } from '../../src-shared/api/domain-intake';
import type { InspectionView, ProposalView } from '../../src-shared/api/domain-inspection';
import type { CheckResult, LotPlan, SignOff } from '../../src-shared/events/schemas-inspection';
import type { SwitchingState } from '../../src-shared/sampling';
import { AppError } from '../api/app-error';
import type { Repos } from '../store/repos';
import type { LotListRow } from '../store/repos/lots-repo';
import type { InspectionService, LotProposal } from './inspection-service';

export function lotSummaryOf(l: LotListRow): LotSummary {
  return {
    lotId: l.lot_id,
    deliveryId: l.delivery_id,
    deliveryNumber: l.delivery_number,
    supplierName: l.supplier_name,
    gtin: l.gtin,
    skuName: l.sku_name,
    category: l.category,
    lot: l.lot,
    quantity: l.quantity,
    expiry: l.expiry,
    status: l.status,
    receivedOn: l.received_on,
    shelf:
      l.shelf_acceptable === 1
        ? 'ok'
        : l.shelf_acceptable === 0
          ? 'short'
          : l.shelf_life_days === null && l.expiry === null
            ? 'none'
            : 'dates-missing',
    shelfReason:
      l.shelf_reason_en !== null ? { en: l.shelf_reason_en, zh: l.shelf_reason_zh ?? '' } : null,
    removalDate: l.removal_date,
  };
}

function switchingViewOf(s: SwitchingState) {
  return {
    severity: s.severity,
    switchingScore: s.switchingScore,
    discontinued: s.discontinued,
    consecutiveAcceptedOnTightened: s.consecutiveAcceptedOnTightened,
    notAcceptedOnTightenedCumulative: s.notAcceptedOnTightenedCumulative,
  };
}

/** Screen-ready views of inspections, read from the projections. */
export class InspectionViews {
  constructor(
    private readonly repos: Repos,
    private readonly service: InspectionService,
  ) {}

  private lotSummary(lotId: string): LotSummary {
    const row = this.repos.lots.listRow(lotId);
    if (!row) throw new AppError('not_found', `No lot with id ${lotId}.`);
    return lotSummaryOf(row);
  }

  private supplier(supplierId: string) {
    const s = this.repos.suppliers.byId(supplierId);
    if (!s) throw new AppError('not_found', `No supplier with id ${supplierId}.`);
    return { supplierId: s.supplier_id, name: s.name, standing: s.standing };
  }

  proposal(p: LotProposal): ProposalView {
    const current = this.repos.inspections.latestForLot(p.lot.lot_id);
    return {
      lot: this.lotSummary(p.lot.lot_id),
      supplier: this.supplier(p.supplierId),
      template: p.template,
      switching: switchingViewOf(p.switching),
      severity: p.severity,
      forced: p.forced,
      plan: p.plan,
      cartonCount: p.cartonCount,
      unitsPerCarton: p.unitsPerCarton,
      skip: p.skip,
      quota: p.quota,
      problems: p.problems,
      inspectionId: current?.status === 'in-progress' ? current.inspection_id : null,
    };
  }

  inspection(inspectionId: string): InspectionView {
    const row = this.service.row(inspectionId);
    if (!row.plan || !row.supplier_id) {
      throw new AppError(
        'not_found',
        'This inspection was recorded as history only: it has no plan to show.',
      );
    }
    const judgement = this.service.judgement(row);
    if (!judgement)
      throw new AppError('not_found', 'This inspection has no plan to judge against.');
    const decision = this.repos.lots.lastDecision(row.lot_id);
    return {
      inspectionId,
      status: row.status,
      lot: this.lotSummary(row.lot_id),
      supplier: this.supplier(row.supplier_id),
      template: this.service.templateOf(row),
      plan: JSON.parse(row.plan) as LotPlan,
      forced: row.forced,
      seed: row.seed ?? '',
      cartonCount: row.carton_count ?? 0,
      cartons: JSON.parse(row.cartons ?? '[]') as number[],
      units: this.repos.inspections.units(inspectionId).map((u) => ({
        unitNo: u.unit_no,
        unitCode: u.unit_code,
        results: JSON.parse(u.results) as CheckResult[],
        photos: JSON.parse(u.photos) as string[],
        defective: { critical: u.critical === 1, major: u.major === 1, minor: u.minor === 1 },
      })),
      judgement,
      decision: decision
        ? {
            decision: decision.decision,
            reason: decision.reason,
            decidedOn: decision.decided_on,
            actor: decision.actor,
            proposal: (decision.proposal as 'accept' | 'reject' | 'hold' | null) ?? null,
            conditional: decision.conditional === 1,
            override: decision.override === 1,
            signOff: decision.sign_off ? (JSON.parse(decision.sign_off) as SignOff) : null,
            seq: decision.seq,
            eventHash: decision.event_hash,
          }
        : null,
      returned: this.repos.inspections.returnsOf(row.lot_id).length > 0,
    };
  }

  ofLot(lotId: string): InspectionView | null {
    const row = this.repos.inspections.latestForLot(lotId);
    return row?.plan ? this.inspection(row.inspection_id) : null;
  }

  queue() {
    return this.repos.lots.pending().map((l) => {
      const row = this.repos.inspections.latestForLot(l.lot_id);
      return {
        lot: lotSummaryOf(l),
        inspectionId: row?.inspection_id ?? null,
        inspectionStatus: row ? row.status : ('not-started' as const),
        proposal: (row?.proposal as 'accept' | 'reject' | 'hold' | null | undefined) ?? null,
      };
    });
  }

  switching(supplierId: string) {
    return this.repos.switching
      .ofSupplier(supplierId)
      .map((s) => ({ skuId: s.skuId, ...switchingViewOf(s.state) }));
  }
}
