import { describe, expect, it } from 'vitest';
import { isSamplingError, type SamplingErrorCode } from './errors';
import {
  applyLotResult,
  approveReducedInspection,
  explainTransition,
  initialSwitchingState,
  nextSwitchingScore,
  reinstateNormalInspection,
  resumeAfterDiscontinuation,
  type LotResult,
  type SwitchingState,
  type Transition,
} from './switching';

const PLAN_AC0 = { accept: 0, reject: 1 };
const PLAN_AC2 = { accept: 2, reject: 3, acceptOneStepTighter: 1 }; // e.g. J at 1.0, 0.65 → 1/2
const REDUCED_1_4 = { accept: 1, reject: 4 };

const ok: LotResult = { accepted: true, plan: PLAN_AC0, defects: 0 };
const bad: LotResult = { accepted: false, plan: PLAN_AC0, defects: 1 };

/** Feeds lots one by one and keeps every transition, as the station would. */
function run(lots: readonly LotResult[], from: SwitchingState = initialSwitchingState()) {
  let state = from;
  const transitions: (Transition & { afterLot: number })[] = [];
  lots.forEach((lot, i) => {
    const outcome = applyLotResult(state, lot);
    state = outcome.state;
    if (outcome.transition) transitions.push({ ...outcome.transition, afterLot: i + 1 });
  });
  return { state, transitions };
}

function errorCodeOf(runIt: () => unknown): SamplingErrorCode | 'no error' | 'other error' {
  try {
    runIt();
    return 'no error';
  } catch (error) {
    return isSamplingError(error) ? error.code : 'other error';
  }
}

const onTightened = run([bad, bad]).state;

describe('normal → tightened', () => {
  it('switches when 2 of the last 5 or fewer lots are not accepted', () => {
    expect(run([bad, bad]).transitions).toEqual([
      { from: 'normal', to: 'tightened', reason: 'two-of-five-not-accepted', afterLot: 2 },
    ]);
    expect(run([bad, ok, ok, ok, bad]).transitions).toHaveLength(1);
    expect(run([ok, bad, ok, ok, ok, bad]).transitions.at(0)?.afterLot).toBe(6);
  });

  it('does not switch when the two lots are 6 lots apart', () => {
    const { state, transitions } = run([bad, ok, ok, ok, ok, bad]);
    expect(transitions).toEqual([]);
    expect(state.severity).toBe('normal');
    expect(state.recentNormalResults).toEqual([true, true, true, true, false]);
  });
});

describe('tightened → normal', () => {
  it('returns to normal after 5 consecutive accepted lots, with a fresh switching score', () => {
    const { state, transitions } = run([ok, ok, ok, ok, ok], onTightened);
    expect(transitions).toEqual([
      {
        from: 'tightened',
        to: 'normal',
        reason: 'five-consecutive-accepted-on-tightened',
        afterLot: 5,
      },
    ]);
    expect(state).toEqual(initialSwitchingState());
  });

  it('restarts the count of consecutive accepted lots after a non-accepted one', () => {
    const { state, transitions } = run([ok, ok, ok, ok, bad, ok, ok, ok, ok], onTightened);
    expect(transitions).toEqual([]);
    expect(state.consecutiveAcceptedOnTightened).toBe(4);
    expect(state.notAcceptedOnTightenedCumulative).toBe(1);
  });
});

describe('switching score and normal → reduced', () => {
  it('adds 2 per accepted lot under Ac 0 or 1 and resets on a non-accepted lot', () => {
    expect(nextSwitchingScore(4, ok)).toBe(6);
    expect(nextSwitchingScore(4, { accepted: true, plan: { accept: 1, reject: 2 } })).toBe(6);
    expect(nextSwitchingScore(28, bad)).toBe(0);
  });

  it('adds 3 under Ac ≥ 2 only when the lot would pass one AQL step tighter', () => {
    expect(nextSwitchingScore(9, { accepted: true, plan: PLAN_AC2, defects: 1 })).toBe(12);
    expect(nextSwitchingScore(9, { accepted: true, plan: PLAN_AC2, defects: 2 })).toBe(0);
    // Without a defect count the lot cannot be shown to qualify.
    expect(nextSwitchingScore(9, { accepted: true, plan: PLAN_AC2 })).toBe(0);
  });

  it('needs the plan to score an accepted lot', () => {
    expect(errorCodeOf(() => nextSwitchingScore(0, { accepted: true }))).toBe('missing-plan');
  });

  const approved = { productionSteady: true, managerApprovesReduced: true } as const;

  it('reaches 30 after 15 accepted Ac 0 lots and switches with steady production and approval', () => {
    const lots = Array.from({ length: 15 }, () => ({ ...ok, ...approved }));
    const { state, transitions } = run(lots);
    expect(transitions).toEqual([
      { from: 'normal', to: 'reduced', reason: 'switching-score-reached-30', afterLot: 15 },
    ]);
    expect(state.severity).toBe('reduced');
    const before = run(lots.slice(0, 14)).state;
    expect(before.switchingScore).toBe(28);
  });

  it('reaches 30 after 10 lots scoring +3 under an Ac 2 plan', () => {
    const good = { accepted: true, plan: PLAN_AC2, defects: 1, ...approved };
    const { transitions } = run(Array.from({ length: 10 }, () => good));
    expect(transitions).toEqual([
      { from: 'normal', to: 'reduced', reason: 'switching-score-reached-30', afterLot: 10 },
    ]);
  });

  it('stays on normal at 30 without approval, until the QC manager approves', () => {
    const { state, transitions } = run(Array.from({ length: 16 }, () => ok));
    expect(transitions).toEqual([]);
    expect(state.switchingScore).toBe(32);
    expect(errorCodeOf(() => approveReducedInspection(state, { productionSteady: false }))).toBe(
      'reduced-not-earned',
    );
    expect(approveReducedInspection(state, { productionSteady: true }).transition).toEqual({
      from: 'normal',
      to: 'reduced',
      reason: 'switching-score-reached-30',
    });
    const early = run([ok, ok]).state;
    expect(() => approveReducedInspection(early, { productionSteady: true })).toThrow(
      /switching score is 4; reduced inspection needs at least 30/,
    );
  });

  it('does not switch to reduced when production is not declared steady', () => {
    const lots = Array.from({ length: 15 }, () => ({ ...ok, managerApprovesReduced: true }));
    expect(run(lots).transitions).toEqual([]);
  });
});

describe('reduced → normal', () => {
  const onReduced = approveReducedInspection(run(Array.from({ length: 15 }, () => ok)).state, {
    productionSteady: true,
  }).state;

  it('returns to normal when a lot is not accepted', () => {
    const { state, transitions } = run(
      [{ accepted: false, plan: REDUCED_1_4, defects: 4 }],
      onReduced,
    );
    expect(transitions).toEqual([
      { from: 'reduced', to: 'normal', reason: 'lot-not-accepted-on-reduced', afterLot: 1 },
    ]);
    expect(state).toEqual(initialSwitchingState());
  });

  it('accepts a lot between Ac and Re but returns to normal', () => {
    expect(run([{ accepted: true, plan: REDUCED_1_4, defects: 2 }], onReduced).transitions).toEqual(
      [{ from: 'reduced', to: 'normal', reason: 'lot-between-ac-and-re-on-reduced', afterLot: 1 }],
    );
  });

  it('stays on reduced while lots are accepted and production is steady', () => {
    const { state, transitions } = run(
      [
        { accepted: true, plan: REDUCED_1_4, defects: 1 },
        { accepted: true, plan: REDUCED_1_4, defects: 0, productionSteady: true },
      ],
      onReduced,
    );
    expect(transitions).toEqual([]);
    expect(state.severity).toBe('reduced');
  });

  it('returns to normal when production becomes irregular', () => {
    expect(run([{ ...ok, productionSteady: false }], onReduced).transitions).toEqual([
      { from: 'reduced', to: 'normal', reason: 'production-irregular', afterLot: 1 },
    ]);
  });

  it('returns to normal on the QC manager’s decision', () => {
    expect(reinstateNormalInspection(onReduced)).toEqual({
      state: initialSwitchingState(),
      transition: { from: 'reduced', to: 'normal', reason: 'manager-decision' },
    });
    expect(errorCodeOf(() => reinstateNormalInspection(initialSwitchingState()))).toBe(
      'not-on-reduced-inspection',
    );
  });
});

describe('discontinuation', () => {
  it('discontinues when 5 lots are not accepted on tightened, even if not consecutive', () => {
    const { state, transitions } = run([bad, ok, bad, bad, ok, ok, bad, bad], onTightened);
    expect(transitions).toEqual([
      {
        from: 'tightened',
        to: 'discontinued',
        reason: 'five-not-accepted-on-tightened',
        afterLot: 8,
      },
    ]);
    expect(state.discontinued).toBe(true);
    expect(state.notAcceptedOnTightenedCumulative).toBe(5);
  });

  it('accepts no further lot until inspection is resumed, then restarts on tightened', () => {
    const stopped = run([bad, bad, bad, bad, bad], onTightened).state;
    expect(errorCodeOf(() => applyLotResult(stopped, ok))).toBe('inspection-discontinued');
    expect(() => applyLotResult(stopped, ok)).toThrow(/supplier has corrected the cause/);
    const resumed = resumeAfterDiscontinuation(stopped);
    expect(resumed.transition).toEqual({
      from: 'discontinued',
      to: 'tightened',
      reason: 'resumed-after-corrective-action',
    });
    expect(resumed.state).toEqual({ ...initialSwitchingState(), severity: 'tightened' });
    expect(errorCodeOf(() => resumeAfterDiscontinuation(resumed.state))).toBe('not-discontinued');
  });

  it('counts from zero in each tightened period', () => {
    const back = run([bad, bad, ok, ok, ok, ok, ok], onTightened).state; // back on normal
    const again = run([bad, bad, bad, bad], run([bad, bad], back).state).state;
    expect(again.discontinued).toBe(false);
    expect(again.notAcceptedOnTightenedCumulative).toBe(4);
  });
});

describe('lot results', () => {
  it('refuses an accepted flag that contradicts the defect count', () => {
    const state = initialSwitchingState();
    expect(errorCodeOf(() => applyLotResult(state, { ...ok, defects: 1 }))).toBe(
      'inconsistent-lot-result',
    );
    expect(errorCodeOf(() => applyLotResult(state, { ...bad, defects: 0 }))).toBe(
      'inconsistent-lot-result',
    );
  });

  it('explains every transition in words', () => {
    const { transitions } = run([bad, bad, bad, bad, bad, bad, bad]);
    expect(transitions.map(explainTransition)).toEqual([
      expect.stringMatching(/^Tightened inspection: 2 of the last 5/),
      expect.stringMatching(/^Inspection discontinued: 5 lots were not accepted/),
    ]);
  });
});
