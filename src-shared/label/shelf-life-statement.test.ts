import { describe, expect, it } from 'vitest';
import { addCalendarMonths, chineseNumber, readShelfLifeStatement } from './shelf-life-statement';

describe('readShelfLifeStatement', () => {
  it.each([
    ['：12个月', 12, 'month'],
    [':12個月', 12, 'month'],
    ['为十八个月', 18, 'month'],
    [' 365天', 365, 'day'],
    ['2年', 2, 'year'],
    [': 18 MONTHS', 18, 'month'],
    [' 1 MONTH', 1, 'month'],
    [' 90 DAYS', 90, 'day'],
    [' 3 YEARS', 3, 'year'],
    ['：常温下9个月', 9, 'month'],
    [': UNOPENED 24 MONTHS', 24, 'month'],
  ] as const)('%s → %i %s', (text, value, unit) => {
    expect(readShelfLifeStatement(text)).toEqual({ value, unit });
  });
  it.each(['：2027年03月15日', '：见包装', ': 18M', ' 0 DAYS', '：99年', ''])(
    '%s → null',
    (text) => {
      expect(readShelfLifeStatement(text)).toBeNull();
    },
  );
});

describe('chineseNumber', () => {
  it.each([
    ['六', 6],
    ['十', 10],
    ['十二', 12],
    ['二十四', 24],
    ['两', 2],
    ['三十', 30],
  ] as const)('%s → %i', (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });
  it.each(['', '二二', '十十', '百'])('%s → null', (text) => {
    expect(chineseNumber(text)).toBeNull();
  });
});

describe('addCalendarMonths', () => {
  it('keeps the day, or clamps it to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-09-15', 12)).toBe('2027-09-15');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-01-15', -13)).toBe('2025-12-15');
  });
  it('refuses a non-date', () => {
    expect(() => addCalendarMonths('2027-02-30', 1)).toThrow(RangeError);
  });
});
