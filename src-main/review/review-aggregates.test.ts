import { describe, expect, it } from 'vitest';
import {
  acceptanceBySupplier,
  nextWeeks,
  pareto,
  pastWeeks,
  pullForecast,
} from './review-aggregates';

describe('review dashboard arithmetic', () => {
  it('walks ISO weeks across the turn of a 53-week year', () => {
    // 2026 has 53 ISO weeks; 2027-W01 starts on Monday 2027-01-04.
    expect(pastWeeks('2027-01-06', 3).map((w) => [w.week, w.from, w.to])).toEqual([
      ['2026-W52', '2026-12-21', '2026-12-27'],
      ['2026-W53', '2026-12-28', '2027-01-03'],
      ['2027-W01', '2027-01-04', '2027-01-10'],
    ]);
    // The first week of a forecast starts today, not on its Monday.
    expect(nextWeeks('2026-12-31', 2).map((w) => [w.week, w.from, w.to])).toEqual([
      ['2026-W53', '2026-12-31', '2027-01-03'],
      ['2027-W01', '2027-01-04', '2027-01-10'],
    ]);
  });

  it('leaves weeks outside the window and held lots out of the rate', () => {
    const weeks = pastWeeks('2026-11-25', 1);
    const lot = (
      decision: 'accept' | 'reject' | 'hold',
      decidedOn: string,
      conditional = false,
    ) => ({
      supplierId: 's',
      supplierName: 'S',
      decision,
      conditional,
      decidedOn,
    });
    const [s] = acceptanceBySupplier(
      [
        lot('accept', '2026-11-23'),
        lot('accept', '2026-11-29', true),
        lot('reject', '2026-11-24'),
        lot('hold', '2026-11-24'),
        lot('accept', '2026-11-22'), // Sunday of the week before
      ],
      weeks,
    );
    expect(s?.points).toEqual([
      { week: '2026-W48', lots: 4, accepted: 1, conditional: 1, rejected: 1, held: 1, rate: 33.3 },
    ]);
  });

  it('sorts a Pareto most first and drops empty causes', () => {
    const bar = (key: string, count: number) => ({ key, label: key, labelZh: null, count });
    expect(pareto([bar('b', 1), bar('a', 3), bar('z', 0), bar('c', 1)])).toEqual([
      { ...bar('a', 3), cumulativePct: 60 },
      { ...bar('b', 1), cumulativePct: 80 },
      { ...bar('c', 1), cumulativePct: 100 },
    ]);
  });

  it('puts lots past their removal date apart from the weeks ahead', () => {
    const f = pullForecast(
      [
        { removalDate: '2026-11-24', quantity: 5 },
        { removalDate: '2026-11-25', quantity: 7 },
        { removalDate: '2026-12-07', quantity: 1 },
        { removalDate: '2027-03-01', quantity: 9 },
      ],
      '2026-11-25',
      nextWeeks('2026-11-25', 3),
    );
    expect(f.overdue).toEqual({ lots: 1, units: 5 });
    expect(f.weeks.map((w) => [w.lots, w.units])).toEqual([
      [1, 7],
      [0, 0],
      [1, 1],
    ]);
  });
});
