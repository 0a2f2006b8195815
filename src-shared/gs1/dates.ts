/**
 * GS1 dates as calendar dates.
 *
 * Two-digit years use the sliding century rule of the GS1 General Specifications §7.12: with
 * YY the value's year and CC/YY' today's century and two-digit year, if YY − YY' is between 51
 * and 99 the year is in the previous century; between −99 and −50, the next century; otherwise
 * the current century. So in 2026, "76" is 1976 and "75" is 2075.
 *
 * Validation does not use this rule (the reference linters use a fixed horizon, see
 * date-linters.ts); it only turns already-valid values into dates. In the rare case the two
 * disagree about Feb 29 (YY = 00 read as 2100 from a "today" after 2050), there is no date.
 */
import { daysInMonth, formatIsoDate, localIsoDate, parseIsoDate } from '../util/dates';

/** The full year of a two-digit GS1 year, relative to `currentYear` (§7.12). */
export function resolveTwoDigitYear(yy: number, currentYear: number): number {
  const century = Math.floor(currentYear / 100) * 100;
  const diff = yy - (currentYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

/** The year of `today` (YYYY-MM-DD), or of the local date when absent. Throws on a bad date. */
export function yearOf(today: string | undefined): number {
  const ymd = parseIsoDate(today ?? localIsoDate());
  if (!ymd) throw new RangeError(`today must be a YYYY-MM-DD date, got "${today ?? ''}"`);
  return ymd.year;
}

/**
 * YYMMDD (6 digits) as an ISO date. Day 00 ("no particular day") becomes the last day of the
 * month, as GS1 reads it for best-before and expiry dates. Undefined if it is not a date.
 */
export function gs1DateToIso(yymmdd: string, currentYear: number): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const year = resolveTwoDigitYear(Number(yymmdd.slice(0, 2)), currentYear);
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return undefined;
  if (day === 0) day = daysInMonth(year, month);
  if (day > daysInMonth(year, month)) return undefined;
  return formatIsoDate({ year, month, day });
}
