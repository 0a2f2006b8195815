/**
 * Calendar dates as plain `YYYY-MM-DD` strings. All arithmetic is in whole calendar days on
 * UTC-based day numbers, so no time zone or daylight-saving change can shift a date.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd({ year, month, day }: YearMonthDay): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function parseIsoDate(text: string): YearMonthDay | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

export function formatIsoDate({ year, month, day }: YearMonthDay): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of a calendar date. */
export function toDayNumber(date: IsoDate): number {
  const ymd = parseIsoDate(date);
  if (!ymd) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(ymd.year, ymd.month - 1, ymd.day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The local calendar date of an instant (the station's own time zone). */
export function localIsoDate(instant: Date = new Date()): IsoDate {
  return formatIsoDate({
    year: instant.getFullYear(),
    month: instant.getMonth() + 1,
    day: instant.getDate(),
  });
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}
