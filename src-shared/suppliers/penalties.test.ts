import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canChangePenalty,
  defaultPenaltyRules,
  nextPenaltyStatuses,
  penaltyAmount,
  proposePenalties,
  PENALTY_STATUSES,
  type PenaltyRule,
} from './penalties';

const rule = defaultPenaltyRules[0] as PenaltyRule;

describe('the default counterfeit rule', () => {
  it('charges 10 × cumulative sales when that is more than 1,000,000 CNY', () => {
    expect(penaltyAmount(rule, 2_300_000)).toEqual({
      amountCny: 23_000_000,
      basis: 'max(1,000,000, 10 × 2,300,000 cumulative sales) = 23,000,000 CNY',
    });
  });

  it('charges at least 1,000,000 CNY', () => {
    expect(penaltyAmount(rule, 45_000).amountCny).toBe(1_000_000);
    expect(penaltyAmount(rule, 0).amountCny).toBe(1_000_000);
  });

  it('is the larger of the two for any sales figure', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e10, noNaN: true }), (sales) => {
        const { amountCny } = penaltyAmount(rule, sales);
        expect(amountCny).toBeGreaterThanOrEqual(1_000_000);
        expect(amountCny).toBeCloseTo(Math.max(1_000_000, 10 * sales), 1);
      }),
    );
  });
});

describe('proposePenalties', () => {
  it('applies every enabled rule of the trigger, in order', () => {
    const rules: PenaltyRule[] = [
      rule,
      {
        ...rule,
        ruleId: 'inspection-costs',
        fixedCny: 5_000,
        salesMultiple: 0.001,
        combine: 'sum',
      },
      { ...rule, ruleId: 'disabled', enabled: false },
    ];
    expect(proposePenalties('counterfeit-confirmed', 6_120_000, rules)).toEqual([
      expect.objectContaining({ ruleId: rule.ruleId, amountCny: 61_200_000 }),
      {
        ruleId: 'inspection-costs',
        amountCny: 11_120,
        basis: '5,000 + 0.001 × 6,120,000 cumulative sales = 11,120 CNY',
      },
    ]);
  });
});

describe('penalty status transitions', () => {
  it('allows proposed → confirmed → paid, and waiving until paid', () => {
    expect(canChangePenalty('proposed', 'confirmed')).toBe(true);
    expect(canChangePenalty('confirmed', 'paid')).toBe(true);
    expect(canChangePenalty('proposed', 'waived')).toBe(true);
    expect(canChangePenalty('confirmed', 'waived')).toBe(true);
    expect(canChangePenalty('proposed', 'paid')).toBe(false);
    expect(canChangePenalty('paid', 'waived')).toBe(false);
    expect(canChangePenalty('waived', 'confirmed')).toBe(false);
  });

  it('never goes back to proposed and ends at paid or waived', () => {
    for (const from of PENALTY_STATUSES) {
      expect(nextPenaltyStatuses(from)).not.toContain('proposed');
      expect(nextPenaltyStatuses(from)).not.toContain(from);
    }
    expect(nextPenaltyStatuses('paid')).toEqual([]);
    expect(nextPenaltyStatuses('waived')).toEqual([]);
  });
});
