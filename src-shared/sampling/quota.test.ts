import { describe, expect, it } from 'vitest';
import { isSamplingError } from './errors';
import { decideSpotCheck, isoWeek, recordSpotCheck, type SpotCheckCounts } from './quota';

describe('isoWeek', () => {
  it.each([
    ['2026-11-26', '2026-W48'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2021-01-03', '2020-W53'], // a Sunday still in the last week of 2020
    ['2024-12-30', '2025-W01'], // a Monday already in week 1 of 2025
    ['2020-12-31', '2020-W53'],
    ['2027-01-04', '2027-W01'],
    ['2028-02-29', '2028-W09'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isoWeek('2026-02-30')).toThrow(/not a calendar date/);
    try {
      isoWeek('26/11/2026');
    } catch (error) {
      expect(isSamplingError(error) && error.code).toBe('invalid-date');
    }
  });
});

describe('spot-check quota', () => {
  const counts: SpotCheckCounts = { cosmetics: { '2026-W48': 2, '2026-W47': 9 } };

  it('forces inspection until the category has had its 3 inspections this ISO week', () => {
    expect(decideSpotCheck({ category: 'cosmetics', date: '2026-11-26', counts })).toEqual({
      forceInspection: true,
      week: '2026-W48',
      done: 2,
      quota: 3,
      remaining: 1,
      reason:
        'Spot check: category "cosmetics" has had 2 of its 3 inspections for 2026-W48; inspect this lot.',
    });
    const after = recordSpotCheck(counts, 'cosmetics', '2026-11-27');
    expect(after).toEqual({ cosmetics: { '2026-W48': 3, '2026-W47': 9 } });
    expect(counts.cosmetics?.['2026-W48']).toBe(2); // the input is not modified
    expect(
      decideSpotCheck({ category: 'cosmetics', date: '2026-11-29', counts: after }),
    ).toMatchObject({ forceInspection: false, done: 3, remaining: 0 });
  });

  it('starts every week and every category from zero', () => {
    expect(decideSpotCheck({ category: 'cosmetics', date: '2026-11-30', counts })).toMatchObject({
      week: '2026-W49',
      done: 0,
      forceInspection: true,
    });
    expect(decideSpotCheck({ category: 'toys', date: '2026-11-26', counts }).done).toBe(0);
  });

  it('takes a configured quota, and 0 turns the rule off', () => {
    expect(
      decideSpotCheck({ category: 'cosmetics', date: '2026-11-26', counts, quota: 2 })
        .forceInspection,
    ).toBe(false);
    expect(
      decideSpotCheck({ category: 'toys', date: '2026-11-26', counts, quota: 0 }).forceInspection,
    ).toBe(false);
    expect(() =>
      decideSpotCheck({ category: 'toys', date: '2026-11-26', counts, quota: -1 }),
    ).toThrow(/whole number of inspections per week/);
  });
});
