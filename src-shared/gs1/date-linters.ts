/**
 * Date and time linters: yymmdd, yymmd0, yyyymmdd, yyyymmd0, hh, mi, ss, hhmi.
 * Dates are checked as calendar dates (month 01-12, day within the month, Feb 29 in leap years).
 */
import { firstNonDigit } from './charsets';
import { fail, type LintFailure, type Linter } from './lint-result';
import { digitsOnly } from './linters';

function num2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

function notRealDate(s: string, start: number, end: number, why = ''): LintFailure {
  return fail('invalid-date', start, `${s.slice(start, end)} is not a real date${why}`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Checks month and day, given whether the year is a leap year. Day 00 passes here; callers that
 * forbid it check it themselves.
 */
function monthDay(
  s: string,
  start: number,
  end: number,
  m: number,
  leap: boolean,
): LintFailure | null {
  const month = num2(s, m);
  if (month < 1 || month > 12) return notRealDate(s, start, end, ` (month ${s.slice(m, m + 2)})`);
  const day = num2(s, m + 2);
  const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day > max ? notRealDate(s, start, end) : null;
}

function dateShape(s: string, start: number, end: number, len: number): LintFailure | null {
  if (end - start !== len) {
    return fail('invalid-date', start, `${s.slice(start, end)} is not a ${len}-digit date`);
  }
  return digitsOnly(s, start, end);
}

/**
 * YYMMDD with day 00 allowed. The reference decides leap years with a fixed horizon (00-71 →
 * 20xx, 72-99 → 19xx), which makes Feb 29 valid exactly when YY is a multiple of 4; validation
 * therefore never depends on today's date. (Turning YY into a calendar year uses the sliding
 * rule instead: see dates.ts.)
 */
export const yymmd0: Linter = (s, start, end) =>
  dateShape(s, start, end, 6) ?? monthDay(s, start, end, start + 2, num2(s, start) % 4 === 0);

export const yymmdd: Linter = (s, start, end) =>
  yymmd0(s, start, end) ??
  (num2(s, start + 4) === 0 ? notRealDate(s, start, end, ' (day 00 is not allowed here)') : null);

export const yyyymmd0: Linter = (s, start, end) => {
  const shape = dateShape(s, start, end, 8);
  if (shape) return shape;
  const year = num2(s, start) * 100 + num2(s, start + 2);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay(s, start, end, start + 4, leap);
};

export const yyyymmdd: Linter = (s, start, end) =>
  yyyymmd0(s, start, end) ??
  (num2(s, start + 6) === 0 ? notRealDate(s, start, end, ' (day 00 is not allowed here)') : null);

function twoDigits(
  s: string,
  start: number,
  end: number,
  max: number,
  what: string,
): LintFailure | null {
  if (end - start !== 2 || firstNonDigit(s, start, end) >= 0) {
    return fail('invalid-time', start, `${s.slice(start, end)} is not a 2-digit ${what}`);
  }
  return num2(s, start) > max
    ? fail('invalid-time', start, `${s.slice(start, end)} is not a valid ${what}`)
    : null;
}

export const hh: Linter = (s, start, end) => twoDigits(s, start, end, 23, 'hour');
export const mi: Linter = (s, start, end) => twoDigits(s, start, end, 59, 'minute');
export const ss: Linter = (s, start, end) => twoDigits(s, start, end, 59, 'second');
export const hhmi: Linter = (s, start, end) =>
  end - start !== 4
    ? fail('invalid-time', start, `${s.slice(start, end)} is not a 4-digit time (HHMM)`)
    : (hh(s, start, start + 2) ?? mi(s, start + 2, end));
