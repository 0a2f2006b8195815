/**
 * Spot-check quota (DESIGN.md, "Sampling"): every product category gets at least N inspections
 * (default 3) per ISO week, even when skip rules would let its lots through uninspected.
 *
 * The rule front-loads the quota: the first N lots of a category in an ISO week are inspected,
 * whatever the skip rules say. We do not try to spread the N inspections over the week, because the
 * station cannot know how many more lots of the category will arrive before Sunday.
 * Weeks are ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday), taken from
 * the station's local calendar date of receipt.
 */
import { parseIsoDate, toDayNumber, fromDayNumber, type IsoDate } from '../util/dates';
import { SamplingError } from './errors';

export const DEFAULT_SPOT_CHECK_QUOTA = 3;

/** `YYYY-Www`, e.g. 2026-W48. The year is the ISO week-numbering year, not always the calendar year. */
export type IsoWeek = `${number}-W${string}`;

export function isoWeek(date: IsoDate): IsoWeek {
  if (parseIsoDate(date) === null) {
    throw new SamplingError('invalid-date', `"${date}" is not a calendar date (YYYY-MM-DD).`);
  }
  const day = toDayNumber(date);
  // Day 0 (1970-01-01) was a Thursday; ISO weekdays run 1 = Monday … 7 = Sunday.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  // The Thursday of the same ISO week decides the week-numbering year.
  const thursday = fromDayNumber(day - weekday + 4);
  const year = thursday.slice(0, 4);
  const dayOfYear = toDayNumber(thursday) - toDayNumber(`${year}-01-01`);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${Number(year)}-W${String(week).padStart(2, '0')}`;
}

/** Inspections already done: category → ISO week → count. */
export type SpotCheckCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface SpotCheckRequest {
  category: string;
  /** Calendar date the lot is received (station local date). */
  date: IsoDate;
  counts: SpotCheckCounts;
  /** Inspections required per category and ISO week; defaults to 3. */
  quota?: number;
}

export interface SpotCheckDecision {
  /** Inspect this lot even if skip rules would let it through. */
  forceInspection: boolean;
  week: IsoWeek;
  done: number;
  quota: number;
  remaining: number;
  reason: string;
}

export function decideSpotCheck(request: SpotCheckRequest): SpotCheckDecision {
  const quota = request.quota ?? DEFAULT_SPOT_CHECK_QUOTA;
  if (!Number.isSafeInteger(quota) || quota < 0) {
    throw new SamplingError(
      'invalid-quota',
      `The spot-check quota must be a whole number of inspections per week, 0 or more (got ${String(quota)}).`,
    );
  }
  const week = isoWeek(request.date);
  const done = request.counts[request.category]?.[week] ?? 0;
  const remaining = Math.max(0, quota - done);
  const forceInspection = remaining > 0;
  const reason = forceInspection
    ? `Spot check: category "${request.category}" has had ${done} of its ${quota} inspections for ${week}; inspect this lot.`
    : `Spot-check quota met: category "${request.category}" has had ${done} inspections for ${week} (quota ${quota}).`;
  return { forceInspection, week, done, quota, remaining, reason };
}

/** Counts after one more inspection of `category` on `date`; the input is left untouched. */
export function recordSpotCheck(
  counts: SpotCheckCounts,
  category: string,
  date: IsoDate,
): SpotCheckCounts {
  const week = isoWeek(date);
  const perWeek = counts[category] ?? {};
  return { ...counts, [category]: { ...perWeek, [week]: (perWeek[week] ?? 0) + 1 } };
}
