import { describe, expect, it } from 'vitest';
import { defaultGatePolicy } from '../intake/supplier-gate';
import { defaultSupplierQualitySettings, supplierQualitySettings } from './quality-settings';

describe('supplierQuality settings', () => {
  it('has valid defaults that match the gate, scorecard and penalty defaults', () => {
    const parsed = supplierQualitySettings.parse(defaultSupplierQualitySettings);
    expect(parsed.gate).toEqual(defaultGatePolicy);
    expect(parsed.scorecard).toMatchObject({ periodsDays: [30, 90], standingPeriodDays: 90 });
    expect(parsed.standing).toEqual({
      probationBelow: 70,
      suspendedBelow: 50,
      counterfeitSuspends: true,
      minLots: 3,
    });
    expect(parsed.penalties[0]).toMatchObject({
      fixedCny: 1_000_000,
      salesMultiple: 10,
      combine: 'max',
    });
  });

  it('refuses inconsistent settings with a message naming the field', () => {
    const d = defaultSupplierQualitySettings;
    const bad = (value: unknown) => {
      const r = supplierQualitySettings.safeParse(value);
      return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(bad({ ...d, scorecard: { ...d.scorecard, standingPeriodDays: 60 } })).toEqual([
      'scorecard.standingPeriodDays: the standing period must be one of the scorecard periods',
    ]);
    expect(bad({ ...d, standing: { ...d.standing, suspendedBelow: 80 } })).toEqual([
      'standing.suspendedBelow: the suspension threshold cannot be above the probation threshold',
    ]);
    expect(
      bad({
        ...d,
        scorecard: {
          ...d.scorecard,
          weights: { acceptance: 0, defects: 0, delivery: 0, complaints: 0 },
        },
      }),
    ).toEqual(['scorecard.weights: at least one weight must be above 0']);
    expect(bad({ ...d, penalties: [...d.penalties, ...d.penalties] })).toEqual([
      'penalties: every penalty rule needs its own id',
    ]);
    expect(
      bad({ ...d, gate: { ...d.gate, documentExpired: { 'no-such-paper': 'refuse' } } }),
    ).not.toBeNull();
  });
});
