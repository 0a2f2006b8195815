import type { AcceptanceWeek, ParetoBar } from '../../src-shared/api/domain-review';
import { isoWeek } from '../../src-shared/sampling';
import { addDays, toDayNumber, type IsoDate } from '../../src-shared/util/dates';

/** Pure arithmetic of the review dashboard: rows in, chart series out (no I/O, no clock). */

export interface WeekWindow {
  week: string;
  from: IsoDate;
  to: IsoDate;
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const day = toDayNumber(date);
  return addDays(date, -((((day + 3) % 7) + 7) % 7));
}

/** The last `count` ISO weeks, oldest first, ending with the week of `today`. */
export function pastWeeks(today: IsoDate, count: number): WeekWindow[] {
  const monday = mondayOf(today);
  return Array.from({ length: count }, (_, i) => {
    const from = addDays(monday, -7 * (count - 1 - i));
    return { week: isoWeek(from), from, to: addDays(from, 6) };
  });
}

/** The next `count` ISO weeks, starting with the week of `today` (its past days left out). */
export function nextWeeks(today: IsoDate, count: number): WeekWindow[] {
  const monday = mondayOf(today);
  return Array.from({ length: count }, (_, i) => {
    const from = addDays(monday, 7 * i);
    return { week: isoWeek(from), from: i === 0 ? today : from, to: addDays(from, 6) };
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface DecidedLot {
  supplierId: string;
  supplierName: string;
  decision: 'accept' | 'reject' | 'hold';
  conditional: boolean;
  decidedOn: IsoDate;
}

/**
 * Lots per supplier and ISO week by their latest decision. The rate follows the scorecard: lots
 * accepted outright ÷ lots decided, a held lot left out until decided, a conditional acceptance
 * counted as not accepted (the goods did not conform). Suppliers by name.
 */
export function acceptanceBySupplier(
  lots: readonly DecidedLot[],
  weeks: readonly WeekWindow[],
): { supplierId: string; supplierName: string; points: AcceptanceWeek[] }[] {
  const index = new Map(weeks.map((w, i) => [w.week, i]));
  const bySupplier = new Map<string, { supplierName: string; points: AcceptanceWeek[] }>();
  for (const lot of lots) {
    const i = index.get(isoWeek(lot.decidedOn));
    if (i === undefined) continue;
    let s = bySupplier.get(lot.supplierId);
    if (!s) {
      s = {
        supplierName: lot.supplierName,
        points: weeks.map((w) => ({
          week: w.week,
          lots: 0,
          accepted: 0,
          conditional: 0,
          rejected: 0,
          held: 0,
          rate: null,
        })),
      };
      bySupplier.set(lot.supplierId, s);
    }
    const p = s.points[i] as AcceptanceWeek;
    p.lots += 1;
    if (lot.decision === 'hold') p.held += 1;
    else if (lot.decision === 'reject') p.rejected += 1;
    else if (lot.conditional) p.conditional += 1;
    else p.accepted += 1;
  }
  for (const s of bySupplier.values()) {
    for (const p of s.points) {
      const decided = p.lots - p.held;
      p.rate = decided > 0 ? round1((p.accepted / decided) * 100) : null;
    }
  }
  return [...bySupplier.entries()]
    .map(([supplierId, s]) => ({ supplierId, ...s }))
    .sort((a, b) => a.supplierName.localeCompare(b.supplierName));
}

/** Bars most first (ties by key), each with the running share of the total, in %. */
export function pareto(
  counts: readonly { key: string; label: string; labelZh: string | null; count: number }[],
): ParetoBar[] {
  const sorted = counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const total = sorted.reduce((n, c) => n + c.count, 0);
  let running = 0;
  return sorted.map((c) => {
    running += c.count;
    return { ...c, cumulativePct: round1((running / total) * 100) };
  });
}

/** Lots in stock by where their removal date falls: already past, or one of the next weeks. */
export function pullForecast(
  lots: readonly { removalDate: IsoDate; quantity: number }[],
  today: IsoDate,
  weeks: readonly WeekWindow[],
): {
  overdue: { lots: number; units: number };
  weeks: (WeekWindow & { lots: number; units: number })[];
} {
  const overdue = { lots: 0, units: 0 };
  const out = weeks.map((w) => ({ ...w, lots: 0, units: 0 }));
  for (const lot of lots) {
    if (lot.removalDate < today) {
      overdue.lots += 1;
      overdue.units += lot.quantity;
      continue;
    }
    const bucket = out.find((w) => lot.removalDate >= w.from && lot.removalDate <= w.to);
    if (!bucket) continue;
    bucket.lots += 1;
    bucket.units += lot.quantity;
  }
  return { overdue, weeks: out };
}
