import { describe, expect, it } from 'vitest';
import { isSamplingError, type SamplingErrorCode } from './errors';
import {
  acceptNumberOneStepTighter,
  judgeLot,
  oneStepTighterAql,
  parseAql,
  parseSeverity,
  planFor,
  resolvePlan,
  type PlanRequest,
} from './plan';
import { parseInspectionLevel } from './code-letters';

function errorCodeOf(run: () => unknown): SamplingErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return isSamplingError(error) ? error.code : 'other error';
  }
}

describe('planFor', () => {
  it('gives the familiar level II plans', () => {
    expect(planFor({ lotSize: 1000, level: 'II', aql: 1.0 })).toEqual({
      codeLetter: 'J',
      sampleSize: 80,
      accept: 2,
      reject: 3,
      inspectAll: false,
      planCodeLetter: 'J',
    });
    expect(planFor({ lotSize: 1000, level: 'II', aql: '2.5' })).toMatchObject({
      sampleSize: 80,
      accept: 5,
      reject: 6,
    });
    expect(planFor({ lotSize: 5000, level: 'II', aql: '0.65' })).toMatchObject({
      codeLetter: 'L',
      sampleSize: 200,
      accept: 3,
      reject: 4,
    });
  });

  it('uses the sample size of the plan the arrow leads to, not the code letter’s', () => {
    // J (80) at AQL 0.25 is an up arrow: the plan is H's, n = 50, 0/1.
    expect(planFor({ lotSize: 1000, level: 'II', aql: 0.25 })).toEqual({
      codeLetter: 'J',
      sampleSize: 50,
      accept: 0,
      reject: 1,
      inspectAll: false,
      planCodeLetter: 'H',
    });
    // J at AQL 0.40 is a down arrow: K's plan, n = 125, 1/2.
    expect(planFor({ lotSize: 1000, level: 'II', aql: 0.4 })).toMatchObject({
      sampleSize: 125,
      accept: 1,
      reject: 2,
      planCodeLetter: 'K',
    });
    // L at AQL 10 points up to K: 125, 21/22.
    expect(planFor({ lotSize: 5000, level: 'II', aql: 10 })).toMatchObject({
      codeLetter: 'L',
      sampleSize: 125,
      accept: 21,
      reject: 22,
    });
  });

  // Resolved plans checked against sources other than our own tables: the resolved matrices of
  // the CRAN package AQLSchemes and the AQL Inspector's Rule manual notes for the corner cells.
  it.each([
    ['normal', 'A', '10', 'C', 5, 1, 2],
    ['tightened', 'A', '10', 'D', 8, 1, 2],
    ['reduced', 'A', '10', 'C', 2, 0, 2],
    ['normal', 'R', '0.015', 'P', 800, 0, 1],
    ['reduced', 'R', '0.015', 'P', 315, 0, 1],
    ['tightened', 'R', '0.015', 'Q', 1250, 0, 1],
    ['tightened', 'Q', '0.025', 'S', 3150, 1, 2],
    ['tightened', 'R', '0.025', 'S', 3150, 1, 2],
    ['normal', 'R', '0.010', 'Q', 1250, 0, 1],
    ['tightened', 'R', '0.010', 'R', 2000, 0, 1],
    ['normal', 'Q', '0.025', 'R', 2000, 1, 2],
    ['normal', 'C', '6.5', 'D', 8, 1, 2],
    ['tightened', 'C', '6.5', 'E', 13, 1, 2],
    ['reduced', 'C', '6.5', 'D', 3, 0, 2],
    ['reduced', 'C', '4.0', 'B', 2, 0, 1],
    ['tightened', 'J', '1.0', 'J', 80, 1, 2],
    ['tightened', 'H', '1.0', 'J', 80, 1, 2],
    ['tightened', 'L', '1.0', 'L', 200, 3, 4],
    ['reduced', 'K', '1.0', 'K', 50, 1, 4],
    ['reduced', 'M', '10', 'K', 50, 10, 13],
    ['normal', 'F', '10', 'F', 20, 5, 6],
    ['normal', 'J', '0.15', 'J', 80, 0, 1],
  ] as const)('%s %s at AQL %s → row %s, n %i, %i/%i', (severity, letter, aql, row, n, ac, re) => {
    expect(resolvePlan(severity, letter, aql)).toEqual({
      planCodeLetter: row,
      sampleSize: n,
      accept: ac,
      reject: re,
    });
  });

  it('inspects the whole lot when the plan’s sample is at least the lot', () => {
    expect(planFor({ lotSize: 5, level: 'II', aql: 10 })).toEqual({
      codeLetter: 'A',
      sampleSize: 5,
      accept: 1,
      reject: 2,
      inspectAll: true,
      planCodeLetter: 'C',
    });
    expect(planFor({ lotSize: 1, level: 'II', aql: 1.0 })).toMatchObject({
      sampleSize: 1,
      accept: 0,
      reject: 1,
      inspectAll: true,
    });
    // Lot 80 is code E; AQL 0.15 leads down to J's plan, n = 80: equal to the lot, so 100 %.
    expect(planFor({ lotSize: 80, level: 'II', aql: 0.15 })).toMatchObject({
      sampleSize: 80,
      inspectAll: true,
    });
    expect(planFor({ lotSize: 81, level: 'II', aql: 0.15 }).inspectAll).toBe(false);
  });

  it('reads each severity from its own table', () => {
    const base = { lotSize: 10_000, level: 'II', aql: 1.0 } as const;
    expect(planFor({ ...base, severity: 'normal' })).toMatchObject({ sampleSize: 200, accept: 5 });
    expect(planFor({ ...base, severity: 'tightened' })).toMatchObject({
      sampleSize: 200,
      accept: 3,
      reject: 4,
    });
    expect(planFor({ ...base, severity: 'reduced' })).toMatchObject({
      sampleSize: 80,
      accept: 2,
      reject: 5,
    });
  });

  it('rejects invalid input with a typed error a QC manager can read', () => {
    const valid: PlanRequest = { lotSize: 100, level: 'II', aql: 1.0 };
    // Untyped input, as it arrives from the CLI or over IPC.
    const loose = (patch: Record<string, unknown>): PlanRequest => Object.assign({}, valid, patch);
    expect(errorCodeOf(() => planFor({ ...valid, lotSize: 0 }))).toBe('invalid-lot-size');
    expect(errorCodeOf(() => planFor({ ...valid, lotSize: -5 }))).toBe('invalid-lot-size');
    expect(errorCodeOf(() => planFor({ ...valid, lotSize: 10.5 }))).toBe('invalid-lot-size');
    expect(errorCodeOf(() => planFor({ ...valid, lotSize: Number.NaN }))).toBe('invalid-lot-size');
    expect(errorCodeOf(() => planFor(loose({ level: 'IV' })))).toBe('unknown-inspection-level');
    expect(errorCodeOf(() => planFor({ ...valid, aql: 0.3 }))).toBe('unknown-aql');
    expect(errorCodeOf(() => planFor({ ...valid, aql: 15 }))).toBe('unknown-aql');
    expect(errorCodeOf(() => planFor({ ...valid, aql: 'abc' }))).toBe('unknown-aql');
    expect(errorCodeOf(() => planFor(loose({ severity: 'lenient' })))).toBe('unknown-severity');
    expect(() => planFor({ ...valid, aql: 0.3 })).toThrow(/AQL 0\.3 is not in the ISO 2859-1/);
    expect(() => planFor({ ...valid, lotSize: 0 })).toThrow(/whole number of units, at least 1/);
  });

  it('accepts the usual spellings of levels, AQLs and severities from untyped callers', () => {
    expect(parseInspectionLevel(' ii ')).toBe('II');
    expect(parseInspectionLevel('s-3')).toBe('S-3');
    expect(parseAql(1)).toBe('1.0');
    expect(parseAql('1')).toBe('1.0');
    expect(parseAql('.65')).toBe('0.65');
    expect(parseAql(0.01)).toBe('0.010');
    expect(parseAql('10.0')).toBe('10');
    expect(parseSeverity('Tightened')).toBe('tightened');
    expect(planFor({ lotSize: 100, level: 'II', aql: '1' }).accept).toBe(0);
    const untyped: Record<string, unknown> = { level: 'iii' };
    const base = { lotSize: 1000, level: 'II', aql: 1 } satisfies PlanRequest;
    const fromCli: PlanRequest = Object.assign({}, base, untyped);
    expect(planFor(fromCli).codeLetter).toBe('K');
  });
});

describe('the plan one AQL step tighter (for the switching score)', () => {
  it('is the next column to the left on the same row of Table II-A', () => {
    expect(oneStepTighterAql('1.0')).toBe('0.65');
    expect(oneStepTighterAql('0.010')).toBeNull();
    expect(acceptNumberOneStepTighter('J', '2.5')).toBe(3); // J: 2.5 → 5/6, 1.5 → 3/4
    expect(acceptNumberOneStepTighter('J', '1.0')).toBe(1); // J: 1.0 → 2/3, 0.65 → 1/2
    expect(acceptNumberOneStepTighter('K', '10')).toBe(14); // K: 10 → 21/22, 6.5 → 14/15
    expect(acceptNumberOneStepTighter('J', '0.65')).toBeNull(); // 0.40 is an arrow on row J
  });

  it('exists for every normal plan with Ac ≥ 2', () => {
    for (const letter of ['A', 'D', 'G', 'K', 'N', 'R'] as const) {
      for (const aql of ['0.010', '0.10', '0.65', '1.5', '4.0', '10'] as const) {
        const plan = resolvePlan('normal', letter, aql);
        if (plan.accept >= 2) {
          expect(acceptNumberOneStepTighter(plan.planCodeLetter, aql)).not.toBeNull();
        }
      }
    }
  });
});

describe('judgeLot', () => {
  it('accepts up to Ac and rejects from Re', () => {
    expect(judgeLot({ accept: 2, reject: 3 }, 2)).toBe('accepted');
    expect(judgeLot({ accept: 2, reject: 3 }, 3)).toBe('not-accepted');
  });
  it('accepts a reduced lot between Ac and Re but calls for normal inspection', () => {
    expect(judgeLot({ accept: 1, reject: 4 }, 2)).toBe('accepted-reinstate-normal');
    expect(judgeLot({ accept: 1, reject: 4 }, 3)).toBe('accepted-reinstate-normal');
    expect(judgeLot({ accept: 1, reject: 4 }, 4)).toBe('not-accepted');
  });
  it('rejects impossible counts', () => {
    expect(errorCodeOf(() => judgeLot({ accept: 1, reject: 2 }, -1))).toBe('invalid-defect-count');
    expect(errorCodeOf(() => judgeLot({ accept: 1, reject: 2 }, 1.5))).toBe('invalid-defect-count');
  });
});
