/**
 * ISO 2859-1:1999 §9.3–9.4 switching rules as a pure state machine, one state per supplier × SKU
 * (and, where SKUs have several defect classes, per class: §9.1 applies the rules to each class).
 *
 * - normal → tightened (§9.3.1): 2 lots out of 5 or fewer consecutive lots not accepted on
 *   original inspection.
 * - tightened → normal (§9.3.2): 5 consecutive lots accepted on original inspection.
 * - normal → reduced (§9.3.3): switching score ≥ 30, production at a steady rate, and reduced
 *   inspection approved by the responsible authority (the QC manager).
 * - reduced → normal (§9.3.4): a lot not accepted, production irregular or delayed, or another
 *   reason the responsible authority gives (reinstateNormalInspection). With the gapped Z1.4
 *   reduced plans, a count between Ac and Re accepts the lot but also reinstates normal (Z1.4
 *   §8.3.4 b).
 * - discontinuation (§9.4): the cumulative number of lots not accepted in a sequence of
 *   consecutive lots on original tightened inspection reaches 5. Inspection resumes, after the
 *   supplier's corrective action, on tightened inspection (resumeAfterDiscontinuation).
 *
 * Switching score (§9.3.3.2, single sampling): set to 0 at the start of normal inspection and
 * updated after each lot on original normal inspection:
 *   1) when the acceptance number is 2 or more, add 3 if the lot would have been accepted had the
 *      AQL been one step tighter, otherwise reset to 0;
 *   2) when the acceptance number is 0 or 1, add 2 if the lot is accepted, otherwise reset to 0.
 * The score is only kept on normal inspection: every switch starts the next normal period at 0.
 */
import { SamplingError } from './errors';
import { assertValidDefectCount, judgeLot, type LotVerdict } from './plan';
import type { Severity } from './tables';

const NORMAL_WINDOW = 5;
const NOT_ACCEPTED_TO_TIGHTEN = 2;
const ACCEPTED_TO_LEAVE_TIGHTENED = 5;
const NOT_ACCEPTED_TO_DISCONTINUE = 5;
export const SWITCHING_SCORE_FOR_REDUCED = 30;

export interface SwitchingState {
  severity: Severity;
  /** Original-inspection results (true = accepted) of the last ≤ 5 lots of this normal period. */
  recentNormalResults: readonly boolean[];
  switchingScore: number;
  consecutiveAcceptedOnTightened: number;
  /** Lots not accepted since this tightened period began (they need not be consecutive). */
  notAcceptedOnTightenedCumulative: number;
  /** Supplier suspended for this SKU: no lot may be accepted under sampling until resumed. */
  discontinued: boolean;
}

export type SwitchingStage = Severity | 'discontinued';

export type TransitionReason =
  | 'two-of-five-not-accepted'
  | 'five-consecutive-accepted-on-tightened'
  | 'switching-score-reached-30'
  | 'lot-not-accepted-on-reduced'
  | 'lot-between-ac-and-re-on-reduced'
  | 'production-irregular'
  | 'manager-decision'
  | 'five-not-accepted-on-tightened'
  | 'resumed-after-corrective-action';

export interface Transition {
  from: SwitchingStage;
  to: SwitchingStage;
  reason: TransitionReason;
}

export interface SwitchingOutcome {
  state: SwitchingState;
  transition?: Transition;
}

/** What the switching rules need to know about the plan the lot was inspected with. */
export interface LotPlanForSwitching {
  accept: number;
  reject: number;
  /**
   * Ac of the normal plan one AQL step tighter for the same sample (acceptNumberOneStepTighter);
   * needed to score lots inspected with Ac ≥ 2 on normal inspection.
   */
  acceptOneStepTighter?: number | null;
}

export interface LotResult {
  /** Result of ORIGINAL inspection (a resubmitted lot does not count again). */
  accepted: boolean;
  /** Nonconforming units found in the sample; needed for the +3 rule of the switching score. */
  defects?: number;
  plan?: LotPlanForSwitching;
  /** false = production became irregular or delayed. Reduced inspection needs an explicit true. */
  productionSteady?: boolean;
  /** The QC manager has approved reduced inspection once the switching score reaches 30. */
  managerApprovesReduced?: boolean;
}

export function initialSwitchingState(): SwitchingState {
  return freshState('normal');
}

function freshState(severity: Severity): SwitchingState {
  return {
    severity,
    recentNormalResults: [],
    switchingScore: 0,
    consecutiveAcceptedOnTightened: 0,
    notAcceptedOnTightenedCumulative: 0,
    discontinued: false,
  };
}

function switchTo(from: SwitchingState, to: Severity, reason: TransitionReason): SwitchingOutcome {
  return { state: freshState(to), transition: { from: from.severity, to, reason } };
}

/**
 * The switching score after one lot on original normal inspection. The +3 rule needs evidence:
 * an accepted lot under a plan with Ac ≥ 2 earns +3 only when its defect count is known and is
 * within the one-step-tighter Ac; without a defect count it cannot be shown to qualify, so the
 * "otherwise reset to zero" branch applies. A QC engineer reads a score as "proven good lots".
 */
export function nextSwitchingScore(score: number, lot: LotResult): number {
  if (!lot.accepted) return 0;
  const plan = lot.plan;
  if (plan === undefined) {
    throw new SamplingError(
      'missing-plan',
      'The switching score needs the sampling plan (Ac/Re) the lot was inspected with.',
    );
  }
  if (plan.accept <= 1) return score + 2;
  const tighter = plan.acceptOneStepTighter;
  if (lot.defects === undefined || tighter === undefined || tighter === null) return 0;
  return lot.defects <= tighter ? score + 3 : 0;
}

/** Checks that `accepted` agrees with the defect count when both are known. */
function verdictOf(lot: LotResult): LotVerdict {
  if (lot.defects === undefined || lot.plan === undefined) {
    return lot.accepted ? 'accepted' : 'not-accepted';
  }
  assertValidDefectCount(lot.defects);
  const verdict = judgeLot(lot.plan, lot.defects);
  if ((verdict !== 'not-accepted') !== lot.accepted) {
    throw new SamplingError(
      'inconsistent-lot-result',
      `The lot is recorded as ${lot.accepted ? 'accepted' : 'not accepted'}, but ${lot.defects} nonconforming units with Ac ${lot.plan.accept} / Re ${lot.plan.reject} means it is ${verdict === 'not-accepted' ? 'not accepted' : 'accepted'}. Record the result of the original inspection.`,
    );
  }
  return verdict;
}

export function applyLotResult(state: SwitchingState, lot: LotResult): SwitchingOutcome {
  if (state.discontinued) {
    throw new SamplingError(
      'inspection-discontinued',
      'Acceptance inspection is discontinued for this supplier and SKU: five lots were not accepted on tightened inspection. No lot can be accepted until the supplier has corrected the cause and a QC manager resumes inspection (it restarts on tightened inspection).',
    );
  }
  const verdict = verdictOf(lot);
  switch (state.severity) {
    case 'normal':
      return onNormal(state, lot);
    case 'tightened':
      return onTightened(state, lot);
    case 'reduced':
      return onReduced(state, lot, verdict);
  }
}

function onNormal(state: SwitchingState, lot: LotResult): SwitchingOutcome {
  const recent = [...state.recentNormalResults, lot.accepted].slice(-NORMAL_WINDOW);
  const score = nextSwitchingScore(state.switchingScore, lot);
  if (recent.filter((accepted) => !accepted).length >= NOT_ACCEPTED_TO_TIGHTEN) {
    return switchTo(state, 'tightened', 'two-of-five-not-accepted');
  }
  if (
    score >= SWITCHING_SCORE_FOR_REDUCED &&
    lot.productionSteady === true &&
    lot.managerApprovesReduced === true
  ) {
    return switchTo(state, 'reduced', 'switching-score-reached-30');
  }
  return { state: { ...state, recentNormalResults: recent, switchingScore: score } };
}

function onTightened(state: SwitchingState, lot: LotResult): SwitchingOutcome {
  if (lot.accepted) {
    const consecutive = state.consecutiveAcceptedOnTightened + 1;
    if (consecutive >= ACCEPTED_TO_LEAVE_TIGHTENED) {
      return switchTo(state, 'normal', 'five-consecutive-accepted-on-tightened');
    }
    return { state: { ...state, consecutiveAcceptedOnTightened: consecutive } };
  }
  const notAccepted = state.notAcceptedOnTightenedCumulative + 1;
  const next: SwitchingState = {
    ...state,
    consecutiveAcceptedOnTightened: 0,
    notAcceptedOnTightenedCumulative: notAccepted,
  };
  if (notAccepted >= NOT_ACCEPTED_TO_DISCONTINUE) {
    return {
      state: { ...next, discontinued: true },
      transition: {
        from: 'tightened',
        to: 'discontinued',
        reason: 'five-not-accepted-on-tightened',
      },
    };
  }
  return { state: next };
}

function onReduced(state: SwitchingState, lot: LotResult, verdict: LotVerdict): SwitchingOutcome {
  if (!lot.accepted) return switchTo(state, 'normal', 'lot-not-accepted-on-reduced');
  if (verdict === 'accepted-reinstate-normal') {
    return switchTo(state, 'normal', 'lot-between-ac-and-re-on-reduced');
  }
  if (lot.productionSteady === false) return switchTo(state, 'normal', 'production-irregular');
  return { state };
}

/** The QC manager approves reduced inspection after the fact (score already ≥ 30). */
export function approveReducedInspection(
  state: SwitchingState,
  conditions: { productionSteady: boolean },
): SwitchingOutcome {
  if (state.discontinued || state.severity !== 'normal') {
    throw new SamplingError(
      'reduced-not-earned',
      `Reduced inspection can only follow normal inspection; this supplier and SKU are on ${state.discontinued ? 'discontinued' : state.severity} inspection.`,
    );
  }
  if (state.switchingScore < SWITCHING_SCORE_FOR_REDUCED) {
    throw new SamplingError(
      'reduced-not-earned',
      `The switching score is ${state.switchingScore}; reduced inspection needs at least ${SWITCHING_SCORE_FOR_REDUCED}.`,
    );
  }
  if (!conditions.productionSteady) {
    throw new SamplingError(
      'reduced-not-earned',
      'Reduced inspection needs production at a steady rate.',
    );
  }
  return switchTo(state, 'reduced', 'switching-score-reached-30');
}

/** §9.3.4 b) and c): production irregular or delayed, or the QC manager decides. */
export function reinstateNormalInspection(
  state: SwitchingState,
  reason: 'manager-decision' | 'production-irregular' = 'manager-decision',
): SwitchingOutcome {
  if (state.discontinued || state.severity !== 'reduced') {
    throw new SamplingError(
      'not-on-reduced-inspection',
      `Normal inspection can only be reinstated from reduced inspection; this supplier and SKU are on ${state.discontinued ? 'discontinued' : state.severity} inspection.`,
    );
  }
  return switchTo(state, 'normal', reason);
}

/** §9.4: after corrective action accepted by the QC manager, inspection resumes on tightened. */
export function resumeAfterDiscontinuation(state: SwitchingState): SwitchingOutcome {
  if (!state.discontinued) {
    throw new SamplingError(
      'not-discontinued',
      'Inspection is not discontinued for this supplier and SKU; there is nothing to resume.',
    );
  }
  return {
    state: freshState('tightened'),
    transition: {
      from: 'discontinued',
      to: 'tightened',
      reason: 'resumed-after-corrective-action',
    },
  };
}

const REASON_TEXT: Readonly<Record<TransitionReason, string>> = {
  'two-of-five-not-accepted':
    'Tightened inspection: 2 of the last 5 or fewer lots were not accepted on normal inspection.',
  'five-consecutive-accepted-on-tightened':
    'Back to normal inspection: 5 consecutive lots were accepted on tightened inspection.',
  'switching-score-reached-30':
    'Reduced inspection: switching score of at least 30, steady production, approved by the QC manager.',
  'lot-not-accepted-on-reduced':
    'Back to normal inspection: a lot was not accepted on reduced inspection.',
  'lot-between-ac-and-re-on-reduced':
    'Back to normal inspection: the lot was accepted, but its count fell between Ac and Re of the reduced plan.',
  'production-irregular': 'Back to normal inspection: production is irregular or delayed.',
  'manager-decision': 'Back to normal inspection by decision of the QC manager.',
  'five-not-accepted-on-tightened':
    'Inspection discontinued: 5 lots were not accepted on tightened inspection. The supplier is suspended for this SKU pending corrective action.',
  'resumed-after-corrective-action':
    'Inspection resumed on tightened inspection after the supplier’s corrective action.',
};

export function explainTransition(transition: Transition): string {
  return REASON_TEXT[transition.reason];
}
