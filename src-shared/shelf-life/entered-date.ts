import { formatIsoDate, lastDayOfMonth, parseIsoDate } from '../util/dates';
import type { IsoDate } from '../util/dates';

const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/;

/**
 * A date as typed or printed: `YYYY-MM-DD`, or a month only (`YYYY-MM`, `MM/YYYY`), which
 * means the last day of that month, as GS1's day 00 does. Null when it is not a calendar date.
 */
export function toCalendarDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  const full = parseIsoDate(trimmed);
  if (full) return formatIsoDate(full);
  const m = YEAR_MONTH.exec(trimmed) ?? MONTH_YEAR.exec(trimmed);
  if (!m) return null;
  const [year, month] = trimmed.includes('/')
    ? [Number(m[2]), Number(m[1])]
    : [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && year >= 1 ? lastDayOfMonth(year, month) : null;
}
