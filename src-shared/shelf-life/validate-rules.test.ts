import { describe, expect, it } from 'vitest';
import { defaultShelfLifeRules, resolveRules } from './rules';
import type { RemovalBand } from './rules';
import { validateRules } from './validate-rules';

const withBands = (bands: RemovalBand[]) => resolveRules(defaultShelfLifeRules, { bands });

describe('validateRules', () => {
  it('accepts the default table', () => {
    expect(validateRules(defaultShelfLifeRules)).toEqual([]);
  });

  it('accepts rows in any order', () => {
    expect(validateRules(withBands([...defaultShelfLifeRules.bands].reverse()))).toEqual([]);
  });

  it('refuses an empty table', () => {
    expect(validateRules(withBands([])).map((p) => p.code)).toEqual(['no-bands']);
  });

  it('names a gap and the rows around it', () => {
    const problems = validateRules(
      withBands([
        { minDays: 1, maxDays: 15, removalWindowDays: 2 },
        { minDays: 20, maxDays: null, removalWindowDays: 5 },
      ]),
    );
    expect(problems).toEqual([{ code: 'gap', message: 'No row covers 16–19 days.', rows: [1, 2] }]);
  });

  it('names a gap at the start', () => {
    const problems = validateRules(
      withBands([{ minDays: 2, maxDays: null, removalWindowDays: 5 }]),
    );
    expect(problems).toEqual([{ code: 'gap', message: 'No row covers 1 day.', rows: [1] }]);
  });

  it('names an overlap and the days in both rows', () => {
    const problems = validateRules(
      withBands([
        { minDays: 1, maxDays: 300, removalWindowDays: 45 },
        { minDays: 270, maxDays: null, removalWindowDays: 60 },
      ]),
    );
    expect(problems).toEqual([
      {
        code: 'overlap',
        message: 'Rows 1 and 2 overlap: 270–300 days are in both.',
        rows: [1, 2],
      },
    ]);
  });

  it('refuses two open-ended rows', () => {
    const problems = validateRules(
      withBands([
        { minDays: 1, maxDays: null, removalWindowDays: 2 },
        { minDays: 100, maxDays: null, removalWindowDays: 30 },
      ]),
    );
    expect(problems.map((p) => p.code)).toEqual(['overlap']);
    expect(problems[0]?.message).toBe('Rows 1 and 2 overlap: 100 days and more are in both.');
  });

  it('requires the last row to be open-ended', () => {
    const problems = validateRules(withBands([{ minDays: 1, maxDays: 400, removalWindowDays: 2 }]));
    expect(problems).toEqual([
      {
        code: 'not-open-ended',
        message: 'No row covers 401 days and more: leave the maximum of the last row empty.',
        rows: [1],
      },
    ]);
  });

  it('refuses negative and fractional windows', () => {
    const problems = validateRules(
      withBands([
        { minDays: 1, maxDays: 10, removalWindowDays: -1 },
        { minDays: 11, maxDays: null, removalWindowDays: 2.5 },
      ]),
    );
    expect(problems.map((p) => [p.code, p.rows])).toEqual([
      ['negative-window', [1]],
      ['invalid-band', [2]],
    ]);
    expect(problems[0]?.message).toBe(
      'Row 1: the removal window cannot be negative (got -1 days).',
    );
  });

  it('refuses a maximum below the minimum, and checks coverage without that row', () => {
    const problems = validateRules(
      withBands([
        { minDays: 1, maxDays: 10, removalWindowDays: 2 },
        { minDays: 20, maxDays: 12, removalWindowDays: 2 },
        { minDays: 11, maxDays: null, removalWindowDays: 5 },
      ]),
    );
    expect(problems.map((p) => [p.code, p.rows])).toEqual([['invalid-band', [2]]]);
  });

  it('refuses a minimum of 0 days, and then nothing covers the table', () => {
    const problems = validateRules(
      withBands([{ minDays: 0, maxDays: null, removalWindowDays: 2 }]),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Row 1: the minimum must be a whole number of days, at least 1 (got 0).',
      'No row covers 1 day and more: leave the maximum of the last row empty.',
    ]);
  });

  it('checks the alert lead and the acceptance fraction', () => {
    const rules = resolveRules(defaultShelfLifeRules, {
      alert: { daysBeforeRemoval: -3, shortShelfLife: { belowTotalDays: 0, daysBeforeRemoval: 1 } },
      acceptance: { minRemainingFraction: { num: 4, den: 3 } },
    });
    expect(validateRules(rules).map((p) => p.code)).toEqual([
      'invalid-alert',
      'invalid-alert',
      'invalid-fraction',
    ]);
    const zeroDen = resolveRules(defaultShelfLifeRules, {
      acceptance: { minRemainingFraction: { num: 0, den: 0 } },
    });
    expect(validateRules(zeroDen).map((p) => p.code)).toEqual(['invalid-fraction']);
  });
});
