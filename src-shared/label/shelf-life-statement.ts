import { daysInMonth, formatIsoDate, parseIsoDate } from '../util/dates';
import type { IsoDate } from '../util/dates';
import type { ShelfLifeStatement, ShelfLifeUnit } from './types';

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十二 → 12, 二十四 → 24, 十 → 10, 六 → 6; anything else (百, 零…) → null. */
export function chineseNumber(text: string): number | null {
  const m = /^([一二两三四五六七八九])?(十)?([一二两三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? (CHINESE_DIGITS[tens] ?? null) : null;
  return (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}

const UNITS: readonly [RegExp, ShelfLifeUnit][] = [
  [/^(?:个月|個月|月|MONTHS?|MTHS?|MOS?)$/, 'month'],
  [/^(?:天|日|DAYS?)$/, 'day'],
  [/^(?:年|YEARS?|YRS?)$/, 'year'],
];

// Beyond these a "duration" is something else: 2027年 is a year, not 2027 years.
const LIMITS: Readonly<Record<ShelfLifeUnit, number>> = { day: 20_000, month: 360, year: 30 };

const STATEMENT = new RegExp(
  String.raw`^[\s:.]*(?:为|是)?\s*` +
    // a short qualifier such as 常温 / 常温下 / 冷藏 / (unopened) may precede the number
    String.raw`[^\d\s一二两三四五六七八九十]{0,10}?\s*` +
    String.raw`(\d{1,5}|[一二两三四五六七八九十]{1,3})\s*` +
    String.raw`(个月|個月|月|天|日|年|MONTHS?|MTHS?|MOS?|DAYS?|YEARS?|YRS?)(?![A-Z])`,
);

/**
 * A shelf-life statement at the start of `text` (upper-cased, after its keyword): `：12个月`,
 * `为十八个月`, `: 18 months`, ` 365天`, `2年`. Null when none, or when it is implausible.
 */
export function readShelfLifeStatement(text: string): ShelfLifeStatement | null {
  const m = STATEMENT.exec(text);
  if (!m) return null;
  const number = m[1] ?? '';
  const value = /\d/.test(number) ? Number(number) : chineseNumber(number);
  const unit = UNITS.find(([re]) => re.test(m[2] ?? ''))?.[1];
  if (value === null || unit === undefined || value < 1 || value > LIMITS[unit]) return null;
  return { value, unit };
}

/**
 * The date `months` calendar months after `date` (before it when negative). The day of the
 * month is kept; when the target month is shorter it becomes that month's last day, so
 * 2026-08-31 + 6 months = 2027-02-28 and 2028-02-29 + 12 months = 2029-02-28. No day is
 * subtracted: production 2026-09-15 + 12 months → expiry 2027-09-15, the same convention as
 * production + N days in the shelf-life rules.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const ymd = parseIsoDate(date);
  if (!ymd) throw new RangeError(`Not a calendar date: ${date}`);
  const index = ymd.year * 12 + (ymd.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatIsoDate({ year, month, day: Math.min(ymd.day, daysInMonth(year, month)) });
}

export function statementMonths(statement: ShelfLifeStatement): number | null {
  if (statement.unit === 'day') return null;
  return statement.unit === 'year' ? statement.value * 12 : statement.value;
}

export function describeStatement(statement: ShelfLifeStatement): string {
  return `${statement.value} ${statement.unit}${statement.value === 1 ? '' : 's'}`;
}
