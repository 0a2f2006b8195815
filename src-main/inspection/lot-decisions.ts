import { v7 as uuidv7 } from 'uuid';
import type { SessionUser } from '../../src-shared/api/domain-auth';
import type { SignOff } from '../../src-shared/events/schemas-inspection';
import { AppError } from '../api/app-error';
import type { EventLog, NewEvent } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { InspectionService } from './inspection-service';

export type Decision = 'accept' | 'reject' | 'hold';

export interface DecideInput {
  lotId: string;
  decision: Decision;
  reason?: string | undefined;
  /** Accepted under conditions (short shelf life, a label to fix…): always a manager's call. */
  conditional?: boolean | undefined;
  /** The QC manager's badge and PIN, typed on this station. */
  signOff?: { badge: string; pin: string } | undefined;
}

export interface LotDecisionsDeps {
  repos: Repos;
  log: EventLog;
  today: () => string;
  clock: () => number;
  inspections: InspectionService;
  verifySignOff: (badge: string, pin: string) => SessionUser;
  /** Reviews the supplier's standing after a decision (in the same transaction). */
  reviewStanding: (supplierId: string, actor: string) => void;
}

const NAMES: Record<Decision, string> = { accept: 'accept', reject: 'reject', hold: 'hold' };

/**
 * The decision on a lot. The inspector confirms the station's proposal alone; overriding it,
 * accepting conditionally, or releasing a held lot needs a QC manager's sign-off on the same
 * station (badge + PIN) with a reason. The sign-off — who, when, what it means — is part of the
 * decision event, so the station's hash and signature bind it. A rejection creates the
 * return-to-supplier record in the same transaction.
 */
export class LotDecisions {
  constructor(private readonly d: LotDecisionsDeps) {}

  /** What the decision would need, so the screen can ask for a sign-off before sending it. */
  requirement(
    lotId: string,
    decision: Decision,
    conditional: boolean,
  ): { proposal: Decision | null; needsSignOff: boolean; why: string | null } {
    const lot = this.d.inspections.lot(lotId);
    const inspection = this.d.repos.inspections.latestForLot(lotId);
    const inspected =
      inspection?.status === 'completed'
        ? ((inspection.proposal as Decision | null) ?? null)
        : null;
    // A lot below the shelf-life rule at receipt is proposed for rejection, inspected or not;
    // only a QC manager can still take it, and only as a conditional acceptance.
    const shortLife = this.shortShelfLife(lotId);
    const proposal: Decision | null = shortLife ? 'reject' : inspected;
    if (shortLife && decision === 'accept') {
      return {
        proposal,
        needsSignOff: true,
        why: `Shelf life too short (${shortLife}): only a QC manager can accept it, conditionally.`,
      };
    }
    if (shortLife && decision === 'reject' && lot.status !== 'on-hold')
      return { proposal, needsSignOff: false, why: null };
    if (lot.status === 'on-hold' && decision !== 'hold') {
      return {
        proposal,
        needsSignOff: true,
        why: `Releasing a held lot (${NAMES[decision]}) needs a QC manager.`,
      };
    }
    if (conditional)
      return { proposal, needsSignOff: true, why: 'A conditional acceptance needs a QC manager.' };
    if (proposal === null)
      return {
        proposal,
        needsSignOff: true,
        why: 'The lot has no completed inspection: only a QC manager can decide it.',
      };
    if (decision !== proposal) {
      return {
        proposal,
        needsSignOff: true,
        why: `The station proposes to ${NAMES[proposal]}: deciding to ${NAMES[decision]} overrides it and needs a QC manager.`,
      };
    }
    return { proposal, needsSignOff: false, why: null };
  }

  decide(input: DecideInput, actor: string): { seq: number; hash: string } {
    const lot = this.d.inspections.lot(input.lotId);
    if (lot.status === 'accepted' || lot.status === 'rejected') {
      throw new AppError('conflict', `Lot ${lot.lot} is already ${lot.status}.`);
    }
    const conditional = input.conditional === true;
    if (conditional && input.decision !== 'accept')
      throw new AppError('invalid_input', 'Only an acceptance can be conditional.');
    const need = this.requirement(input.lotId, input.decision, conditional);
    const shortLife = this.shortShelfLife(input.lotId);
    if (shortLife && input.decision === 'accept' && !conditional)
      throw new AppError(
        'invalid_input',
        `Shelf life too short (${shortLife}): the lot can only be accepted conditionally.`,
      );
    const reason = input.reason?.trim() ?? '';
    let signOff: SignOff | undefined;
    if (need.needsSignOff) {
      if (!input.signOff)
        throw new AppError(
          'forbidden',
          `${need.why} Ask a QC manager to sign off with badge and PIN.`,
        );
      if (reason.length < 3)
        throw new AppError('invalid_input', 'A reason is mandatory when a QC manager signs off.');
      // Checked before the decision's transaction: failed attempts stay on record.
      const manager = this.d.verifySignOff(input.signOff.badge, input.signOff.pin);
      const what = conditional
        ? 'conditional acceptance'
        : need.proposal && input.decision !== need.proposal
          ? `override: ${need.proposal} → ${input.decision}`
          : `${input.decision}`;
      signOff = {
        userId: manager.userId,
        name: manager.name,
        meaning: `Approved ${what} of lot ${lot.lot}`,
        at: this.d.clock(),
      };
    }
    const delivery = this.d.repos.deliveries.byId(lot.delivery_id);
    if (!delivery) throw new AppError('not_found', 'The delivery of this lot is missing.');
    const subjects = [
      `lot:${lot.lot_id}`,
      `delivery:${lot.delivery_id}`,
      `supplier:${delivery.supplier_id}`,
    ];
    const events: NewEvent[] = [
      {
        type: 'lot.decided',
        payload: {
          lotId: lot.lot_id,
          decision: input.decision,
          reason:
            reason ||
            (need.proposal
              ? `Confirmed the station's proposal (${need.proposal}).`
              : input.decision),
          decidedOn: this.d.today(),
          ...(need.proposal ? { proposal: need.proposal } : {}),
          conditional,
          override: need.proposal !== null && input.decision !== need.proposal,
          ...(signOff ? { signOff } : {}),
        },
        actor,
        coActor: signOff?.userId ?? null,
        subjects,
        reason: reason || null,
      },
    ];
    if (input.decision === 'reject') {
      events.push({
        type: 'lot.returned',
        payload: {
          returnId: `rtn-${uuidv7()}`,
          lotId: lot.lot_id,
          deliveryId: lot.delivery_id,
          supplierId: delivery.supplier_id,
          quantity: lot.quantity,
          reason: reason || 'Rejected at intake inspection',
        },
        actor,
        subjects,
      });
    }
    return this.d.log.transaction(() => {
      const [decided] = this.d.log.appendMany(events);
      this.d.reviewStanding(delivery.supplier_id, actor);
      if (!decided) throw new Error('decision not appended');
      return { seq: decided.seq, hash: decided.hash };
    });
  }

  /** The shelf-life reason when the lot failed the acceptance rule at receipt, else null. */
  private shortShelfLife(lotId: string): string | null {
    const shelf = this.d.repos.shelfLife.byId(lotId);
    return shelf?.shelf_acceptable === 0 ? (shelf.shelf_reason_en ?? 'below the rule') : null;
  }

  /** Lets a lot through without inspection when a skip rule allows it (never against the quota). */
  skipLot(lotId: string, actor: string): void {
    const shortLife = this.shortShelfLife(lotId);
    if (shortLife)
      throw new AppError('refused', `Shelf life too short (${shortLife}): the lot cannot skip.`);
    const p = this.d.inspections.proposal(lotId);
    if (!p.skip.allowed) throw new AppError('refused', p.skip.reason);
    const delivery = this.d.repos.deliveries.byId(p.lot.delivery_id);
    const subjects = [
      `lot:${lotId}`,
      `delivery:${p.lot.delivery_id}`,
      ...(delivery ? [`supplier:${delivery.supplier_id}`] : []),
    ];
    this.d.log.appendMany([
      {
        type: 'inspection.skipped',
        payload: { lotId, category: p.quota.category, reason: p.skip.reason, week: p.quota.week },
        actor,
        subjects,
      },
      {
        type: 'lot.decided',
        payload: {
          lotId,
          decision: 'accept',
          reason: `Skip-lot: ${p.skip.reason}`,
          decidedOn: this.d.today(),
        },
        actor,
        subjects,
      },
    ]);
  }

  /** QC manager decisions on the switching rules of one supplier x SKU. */
  approveReduced(
    supplierId: string,
    skuId: string,
    productionSteady: boolean,
    actor: string,
  ): void {
    const state = this.d.repos.switching.get(supplierId, skuId);
    if (state.severity !== 'normal' || state.switchingScore < 30) {
      throw new AppError(
        'refused',
        `Reduced inspection needs normal inspection with a switching score of 30 (now ${state.severity}, score ${state.switchingScore}).`,
      );
    }
    if (!productionSteady)
      throw new AppError('refused', 'Reduced inspection needs steady production.');
    this.d.log.append({
      type: 'switching.reduced-approved',
      payload: { supplierId, skuId, productionSteady },
      actor,
      subjects: [`supplier:${supplierId}`, `sku:${skuId}`],
    });
  }

  reinstateNormal(
    supplierId: string,
    skuId: string,
    reason: 'manager-decision' | 'production-irregular',
    actor: string,
  ): void {
    const state = this.d.repos.switching.get(supplierId, skuId);
    if (state.severity !== 'reduced')
      throw new AppError(
        'refused',
        `This supplier and SKU are on ${state.severity} inspection, not reduced.`,
      );
    this.d.log.append({
      type: 'switching.normal-reinstated',
      payload: { supplierId, skuId, reason },
      actor,
      subjects: [`supplier:${supplierId}`, `sku:${skuId}`],
    });
  }

  resume(supplierId: string, skuId: string, actor: string): void {
    const state = this.d.repos.switching.get(supplierId, skuId);
    if (!state.discontinued)
      throw new AppError('refused', 'Acceptance of this supplier and SKU is not discontinued.');
    this.d.log.append({
      type: 'switching.resumed',
      payload: { supplierId, skuId },
      actor,
      subjects: [`supplier:${supplierId}`, `sku:${skuId}`],
    });
  }
}
