import { v7 as uuidv7 } from 'uuid';
import type { PenaltyView, StandingReview } from '../../src-shared/api/domain-supplier-quality';
import {
  canChangePenalty,
  nextPenaltyStatuses,
  proposePenalties,
  type PenaltyRule,
  type PenaltyStatus,
} from '../../src-shared/suppliers/penalties';
import { AppError } from '../api/app-error';
import type { EventLog, NewEvent } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { PenaltyListRow } from '../store/repos/penalties-repo';
import type { SupplierQualityService } from './supplier-quality-service';

function viewOf(p: PenaltyListRow): PenaltyView {
  return {
    penaltyId: p.penalty_id,
    supplierId: p.supplier_id,
    supplierName: p.supplier_name,
    rule: p.rule,
    amountCny: p.amount_cny,
    basis: p.basis,
    lotId: p.lot_id,
    inspectionId: p.inspection_id,
    note: p.note,
    status: p.status,
    proposedOn: p.proposed_on,
    proposedBy: p.proposed_by,
    statusReason: p.status_reason,
    statusChangedOn: p.status_changed_on,
    statusChangedBy: p.status_changed_by,
    next: [...nextPenaltyStatuses(p.status)],
  };
}

/**
 * The penalty ledger: counterfeits confirmed by a QC manager, the penalties the configured
 * rules propose for them, and each penalty's life (confirmed, paid, waived), all as events.
 */
export class PenaltyService {
  constructor(
    private readonly repos: Repos,
    private readonly log: EventLog,
    private readonly rules: () => readonly PenaltyRule[],
    private readonly quality: SupplierQualityService,
  ) {}

  list(filter: { supplierId?: string; status?: PenaltyStatus }): PenaltyView[] {
    return this.repos.supplierQuality.penalties.list(filter.supplierId, filter.status).map(viewOf);
  }

  private byId(penaltyId: string): PenaltyListRow {
    const p = this.repos.supplierQuality.penalties.byId(penaltyId);
    if (!p) throw new AppError('not_found', `No penalty with id ${penaltyId}.`);
    return p;
  }

  /**
   * Records that a rejected lot was counterfeit, proposes a penalty per matching rule and applies
   * the standing rules (a confirmed counterfeit suspends), in one transaction: the confirmation
   * never stands without its penalties, nor the penalties without their evidence.
   */
  confirmCounterfeit(
    input: { lotId: string; note: string; photos?: readonly string[] | undefined },
    actor: string,
    /** From a confirmed customer complaint: the goods were already sold, the lot need not be rejected. */
    from?: { complaintId: string },
  ): { penalties: PenaltyView[]; review: StandingReview } {
    const q = this.repos.supplierQuality;
    const lot = q.supplierLots.owner(input.lotId);
    if (!lot) throw new AppError('not_found', `No lot with id ${input.lotId}.`);
    if (lot.status !== 'rejected' && !from) {
      throw new AppError(
        'refused',
        'Only a rejected lot can be confirmed counterfeit: reject the lot first, so that none of it enters stock.',
      );
    }
    if (q.counterfeits.byLot(input.lotId)) {
      throw new AppError('conflict', 'This lot has already been confirmed counterfeit.');
    }
    const supplier = this.repos.suppliers.byId(lot.supplier_id);
    if (!supplier) throw new AppError('not_found', `No supplier with id ${lot.supplier_id}.`);
    const note = input.note.trim();
    const subjects = [
      `supplier:${supplier.supplier_id}`,
      `lot:${input.lotId}`,
      ...(from ? [`complaint:${from.complaintId}`] : []),
    ];
    const proposals = proposePenalties(
      'counterfeit-confirmed',
      supplier.cumulative_sales_cny,
      this.rules(),
    ).map((p) => ({ ...p, penaltyId: `pen-${uuidv7()}` }));
    const events: NewEvent[] = [
      {
        type: 'counterfeit.confirmed',
        payload: {
          supplierId: supplier.supplier_id,
          lotId: input.lotId,
          inspectionId: lot.inspection_id,
          note,
          photos: [...(input.photos ?? [])],
        },
        actor,
        reason: note,
        subjects,
      },
      ...proposals.map((p): NewEvent<'penalty.proposed'> => ({
        type: 'penalty.proposed',
        payload: {
          penaltyId: p.penaltyId,
          supplierId: supplier.supplier_id,
          rule: p.ruleId,
          amountCny: p.amountCny,
          basis: p.basis,
          evidence: { lotId: input.lotId, inspectionId: lot.inspection_id, note },
        },
        actor,
        subjects: [...subjects, `penalty:${p.penaltyId}`],
      })),
    ];
    return this.log.transaction(() => {
      this.log.appendMany(events);
      const review = this.quality.reviewStanding(supplier.supplier_id, actor);
      return { penalties: proposals.map((p) => viewOf(this.byId(p.penaltyId))), review };
    });
  }

  /** proposed → confirmed → paid; proposed or confirmed → waived. Always with a reason. */
  setStatus(
    input: { penaltyId: string; status: Exclude<PenaltyStatus, 'proposed'>; reason: string },
    actor: string,
  ): PenaltyView {
    const current = this.byId(input.penaltyId);
    if (!canChangePenalty(current.status, input.status)) {
      const allowed = nextPenaltyStatuses(current.status);
      throw new AppError(
        'refused',
        `A ${current.status} penalty cannot become ${input.status}` +
          (allowed.length > 0 ? ` (it can become ${allowed.join(' or ')}).` : ' (it is settled).'),
      );
    }
    const reason = input.reason.trim();
    this.log.append({
      type: 'penalty.status-changed',
      payload: { penaltyId: input.penaltyId, status: input.status, reason },
      actor,
      reason,
      subjects: [`penalty:${input.penaltyId}`, `supplier:${current.supplier_id}`],
    });
    return viewOf(this.byId(input.penaltyId));
  }
}
