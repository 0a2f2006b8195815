import type { EventPayload } from '../../src-shared/events/catalogue';
import type { LotPlan } from '../../src-shared/events/schemas-inspection';
import {
  applyLotResult,
  approveReducedInspection,
  reinstateNormalInspection,
  resumeAfterDiscontinuation,
  type LotResult,
} from '../../src-shared/sampling';
import type { StoredEvent } from '../store/event-log';
import type { ProjectionHandlers } from '../store/projections';
import type { Repos } from '../store/repos';

/**
 * ISO 2859-1 switching per supplier x SKU, advanced by every completed inspection. "Accepted"
 * is the result of the original inspection (the station's proposal), not a later override;
 * the major class (the template's primary AQL) drives the rules and the switching score.
 * History recorded as a single completed event carries no plan (no Ac/Re): the rules cannot
 * judge it, so it does not move the switching state.
 */
function advanceSwitching(p: EventPayload<'inspection.completed'>, e: StoredEvent, r: Repos): void {
  const row = r.inspections.byId(p.inspectionId);
  if (!row?.plan || !row.supplier_id || !row.sku_id || p.proposal === undefined) return;
  const subject = { supplierId: row.supplier_id, skuId: row.sku_id };
  const plan = JSON.parse(row.plan) as LotPlan;
  const accepted = p.proposal === 'accept';
  const major = plan.classes.major;
  // The major count explains the result only when the lot was accepted or the major class
  // rejected it; a lot rejected for a critical or minor defect enters as "not accepted" alone.
  const lot: LotResult =
    accepted || p.major >= major.reject
      ? {
          accepted,
          defects: p.major,
          plan: {
            accept: major.accept,
            reject: major.reject,
            acceptOneStepTighter: p.acceptOneStepTighter ?? null,
          },
        }
      : { accepted };
  const state = r.switching.get(subject.supplierId, subject.skuId);
  r.switching.put(subject.supplierId, subject.skuId, applyLotResult(state, lot).state, e.seq);
}

export const inspectionProjection: ProjectionHandlers = {
  'inspection.started': (p, e, r) => r.inspections.start(p, e.actor, e.seq),
  'inspection.unit-recorded': (p, e, r) => r.inspections.recordUnit(p, e.seq),
  'inspection.completed': (p, e, r) => {
    r.inspections.complete(p, e.actor);
    advanceSwitching(p, e, r);
  },
  'inspection.skipped': (p, e, r) => r.inspections.recordSkip(p, e.seq),
  'lot.decided': (p, e, r) => r.lots.decide(p, e.seq, e.coActor ?? e.actor, e.hash),
  'lot.returned': (p, e, r) => r.inspections.recordReturn(p, e.seq),
  'switching.reduced-approved': (p, e, r) => {
    const state = r.switching.get(p.supplierId, p.skuId);
    r.switching.put(
      p.supplierId,
      p.skuId,
      approveReducedInspection(state, { productionSteady: p.productionSteady }).state,
      e.seq,
    );
  },
  'switching.normal-reinstated': (p, e, r) => {
    const state = r.switching.get(p.supplierId, p.skuId);
    r.switching.put(p.supplierId, p.skuId, reinstateNormalInspection(state, p.reason).state, e.seq);
  },
  'switching.resumed': (p, e, r) => {
    const state = r.switching.get(p.supplierId, p.skuId);
    r.switching.put(p.supplierId, p.skuId, resumeAfterDiscontinuation(state).state, e.seq);
  },
};
