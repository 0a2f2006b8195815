import { describe, expect, it } from 'vitest';
import { scorePeriod, type ScorecardInput } from './scorecard';
import { assessStanding, defaultStandingThresholds, describeNumbers, isStricter } from './standing';

const TODAY = '2026-11-28';

function period(accepted: number, rejected: number, extra: Partial<ScorecardInput> = {}) {
  const lots = [
    ...Array.from({ length: accepted }, () => ({
      decidedOn: TODAY,
      decision: 'accept' as const,
      conditional: false,
    })),
    ...Array.from({ length: rejected }, () => ({
      decidedOn: TODAY,
      decision: 'reject' as const,
      conditional: false,
    })),
  ];
  return scorePeriod(
    { lots, inspections: [], deliveries: [], counterfeits: [], complaints: [], ...extra },
    TODAY,
    90,
  );
}

describe('assessStanding', () => {
  it('puts a supplier scoring below 70 on probation, with the numbers in the reason', () => {
    // Acceptance 50 (weight 40) and no complaints (100, weight 10): score 60.
    const a = assessStanding('approved', period(5, 5), defaultStandingThresholds);
    expect(a).toMatchObject({ indicated: 'probation', change: 'probation', enoughData: true });
    expect(a.reason).toBe('score 60 < 70 (acceptance 50 %, 10 lots decided in 90 days)');
  });

  it('suspends below 50', () => {
    expect(assessStanding('probation', period(2, 8), defaultStandingThresholds)).toMatchObject({
      indicated: 'suspended',
      change: 'suspended',
    });
  });

  it('suspends on a confirmed counterfeit whatever the score, with no minimum of lots', () => {
    const a = assessStanding(
      'approved',
      period(1, 0, { counterfeits: [{ confirmedOn: TODAY }] }),
      defaultStandingThresholds,
    );
    expect(a.change).toBe('suspended');
    expect(a.reason).toMatch(/^1 confirmed counterfeit in 90 days \(score 0;/);
  });

  it('does not judge on fewer lots than the minimum', () => {
    const a = assessStanding('approved', period(0, 2), defaultStandingThresholds);
    expect(a).toMatchObject({ indicated: 'approved', change: null, enoughData: false });
    expect(a.reason).toMatch(/not enough data/);
  });

  it('never lifts a standing automatically, but says when a recovery is supported', () => {
    const a = assessStanding('probation', period(10, 0), defaultStandingThresholds);
    expect(a).toMatchObject({ indicated: 'approved', change: null, recoverySupported: true });
    const b = assessStanding('suspended', period(5, 5), defaultStandingThresholds);
    expect(b).toMatchObject({ indicated: 'probation', change: null, recoverySupported: true });
  });

  it('leaves a blacklisted supplier alone', () => {
    const a = assessStanding(
      'blacklisted',
      period(0, 5, { counterfeits: [{ confirmedOn: TODAY }] }),
      defaultStandingThresholds,
    );
    expect(a).toMatchObject({ indicated: 'blacklisted', change: null, recoverySupported: false });
    expect(a.reason).toMatch(/^blacklisted by head office/);
  });

  it('can be told not to suspend on counterfeits', () => {
    const a = assessStanding('approved', period(1, 0, { counterfeits: [{ confirmedOn: TODAY }] }), {
      ...defaultStandingThresholds,
      counterfeitSuspends: false,
      minLots: 1,
    });
    // The score is still void (0): below both thresholds.
    expect(a.change).toBe('suspended');
    expect(a.reason).toMatch(/^score 0 < 50/);
  });
});

describe('describeNumbers', () => {
  it('names ppm with thousands separators and late and short deliveries', () => {
    const p = scorePeriod(
      {
        lots: [{ decidedOn: TODAY, decision: 'accept', conditional: false }],
        inspections: [{ completedOn: TODAY, defects: 31, unitsInspected: 2500 }],
        deliveries: [
          { expectedDate: '2026-11-01', arrivedOn: '2026-11-03', short: true },
          { expectedDate: '2026-11-05', arrivedOn: '2026-11-06', short: false },
        ],
        counterfeits: [],
        complaints: [],
      },
      TODAY,
      90,
    );
    expect(describeNumbers(p)).toBe(
      'acceptance 100 %, 12,400 ppm, 2 late deliveries, 1 short delivery, 1 lot decided in 90 days',
    );
  });
});

describe('isStricter', () => {
  it('orders approved < probation < suspended < blacklisted', () => {
    expect(isStricter('probation', 'approved')).toBe(true);
    expect(isStricter('approved', 'suspended')).toBe(false);
    expect(isStricter('blacklisted', 'suspended')).toBe(true);
  });
});
