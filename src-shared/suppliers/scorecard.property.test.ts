import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPLIER_STANDINGS } from '../events/schemas';
import { addDays } from '../util/dates';
import { COMPONENTS, defaultScorecardConfig, scorePeriod, type ScorecardInput } from './scorecard';
import { assessStanding, defaultStandingThresholds, isStricter } from './standing';

const TODAY = '2026-11-28';
const day = fc.integer({ min: 0, max: 200 }).map((n) => addDays(TODAY, -n));
const lot = fc.record({
  decidedOn: day,
  decision: fc.constantFrom('accept' as const, 'reject' as const, 'hold' as const),
  conditional: fc.boolean(),
});
const input: fc.Arbitrary<ScorecardInput> = fc.record({
  lots: fc.array(lot, { maxLength: 30 }),
  inspections: fc.array(
    fc.record({
      completedOn: day,
      defects: fc.integer({ min: 0, max: 500 }),
      unitsInspected: fc.integer({ min: 1, max: 500 }),
    }),
    { maxLength: 30 },
  ),
  deliveries: fc.array(
    fc.record({ expectedDate: day, arrivedOn: fc.option(day, { nil: null }), short: fc.boolean() }),
    { maxLength: 20 },
  ),
  counterfeits: fc.array(fc.record({ confirmedOn: day }), { maxLength: 2 }),
  complaints: fc.array(fc.record({ receivedOn: day }), { maxLength: 12 }),
});
const days = fc.integer({ min: 7, max: 365 });
const weights = fc.record({
  acceptance: fc.integer({ min: 1, max: 100 }),
  defects: fc.integer({ min: 1, max: 100 }),
  delivery: fc.integer({ min: 1, max: 100 }),
  complaints: fc.integer({ min: 1, max: 100 }),
});

describe('scorecard properties', () => {
  it('keeps every component and the score between 0 and 100', () => {
    fc.assert(
      fc.property(input, days, weights, (i, d, w) => {
        const p = scorePeriod(i, TODAY, d, { ...defaultScorecardConfig, weights: w });
        for (const c of COMPONENTS) {
          const v = p.components[c];
          if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
          if (v !== null) expect(v).toBeLessThanOrEqual(100);
        }
        if (p.score !== null) {
          expect(p.score).toBeGreaterThanOrEqual(0);
          expect(p.score).toBeLessThanOrEqual(100);
        }
        if (p.counterfeits > 0) expect(p.score).toBe(0);
      }),
    );
  });

  it('depends on the weights only through their ratios', () => {
    fc.assert(
      fc.property(input, weights, fc.integer({ min: 2, max: 9 }), (i, w, k) => {
        const scaled = {
          acceptance: w.acceptance * k,
          defects: w.defects * k,
          delivery: w.delivery * k,
          complaints: w.complaints * k,
        };
        const a = scorePeriod(i, TODAY, 90, { ...defaultScorecardConfig, weights: w }).score;
        const b = scorePeriod(i, TODAY, 90, { ...defaultScorecardConfig, weights: scaled }).score;
        if (a === null) expect(b).toBeNull();
        else expect(Math.abs(a - (b ?? Number.NaN))).toBeLessThanOrEqual(0.1);
      }),
    );
  });

  it('never lowers the acceptance rate or the score for one more clean accepted lot', () => {
    fc.assert(
      fc.property(input, (i) => {
        const before = scorePeriod(i, TODAY, 90);
        const after = scorePeriod(
          { ...i, lots: [...i.lots, { decidedOn: TODAY, decision: 'accept', conditional: false }] },
          TODAY,
          90,
        );
        expect(after.acceptanceRate ?? 0).toBeGreaterThanOrEqual(before.acceptanceRate ?? 0);
        if (before.score !== null && after.score !== null) {
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        }
      }),
    );
  });

  it('counts in a shorter period no more than in a longer one', () => {
    fc.assert(
      fc.property(input, days, days, (i, a, b) => {
        const short = scorePeriod(i, TODAY, Math.min(a, b));
        const long = scorePeriod(i, TODAY, Math.max(a, b));
        expect(short.lots.decided).toBeLessThanOrEqual(long.lots.decided);
        expect(short.unitsInspected).toBeLessThanOrEqual(long.unitsInspected);
        expect(short.deliveries.arrived).toBeLessThanOrEqual(long.deliveries.arrived);
        expect(short.counterfeits).toBeLessThanOrEqual(long.counterfeits);
      }),
    );
  });
});

describe('standing rule properties', () => {
  it('only ever tightens, never touches a blacklist, and always suspends on a counterfeit', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...SUPPLIER_STANDINGS), (i, current) => {
        const p = scorePeriod(i, TODAY, 90);
        const a = assessStanding(current, p, defaultStandingThresholds);
        if (a.change !== null) expect(isStricter(a.change, current)).toBe(true);
        if (current === 'blacklisted') expect(a.change).toBeNull();
        if (p.counterfeits > 0 && (current === 'approved' || current === 'probation')) {
          expect(a.change).toBe('suspended');
        }
        expect(a.recoverySupported && a.change !== null).toBe(false);
      }),
    );
  });
});
