import { describe, expect, it } from 'vitest';
import { formatHint, parseLabelDate } from './date-formats';
import { dayOrderFor } from './day-order';
import type { LabelContext } from './types';

const ctx: LabelContext = { today: '2026-11-28' };
const date = (text: string, context: LabelContext = ctx) =>
  parseLabelDate(text, context)?.date ?? null;

describe('parseLabelDate: layouts', () => {
  it.each([
    ['2027-03-15', '2027-03-15', 'ymd'],
    ['15/03/2027', '2027-03-15', 'dmy'],
    ['15.03.27', '2027-03-15', 'dmy'],
    ['2027/11/30', '2027-11-30', 'ymd'],
    ['2027.08.01', '2027-08-01', 'ymd'],
    ['20270315', '2027-03-15', 'ymd-compact'],
    ['2027 03 15', '2027-03-15', 'ymd-spaced'],
    ['2027 MAR 15', '2027-03-15', 'y-mon-d'],
    ['15 MAR 2027', '2027-03-15', 'd-mon-y'],
    ['15MAR2027', '2027-03-15', 'd-mon-y'],
    ['15-Mar-27', '2027-03-15', 'd-mon-y'],
    ['MAR 15 2027', '2027-03-15', 'mon-d-y'],
    ['March 15th, 2027', '2027-03-15', 'mon-d-y'],
    ['2027年03月15日', '2027-03-15', 'ymd-cjk'],
    ['2027年3月5日', '2027-03-05', 'ymd-cjk'],
    ['15 03 2027', '2027-03-15', 'dmy-spaced'],
  ] as const)('reads %s as %s (%s)', (text, expected, pattern) => {
    expect(parseLabelDate(text, ctx)).toMatchObject({
      status: 'ok',
      date: expected,
      pattern,
      precision: 'day',
    });
  });

  it.each([
    ['03/2027', '2027-03-31', 'my'],
    ['02 2028', '2028-02-29', 'my-spaced'],
    ['02/2027', '2027-02-28', 'my'],
    ['2027-04', '2027-04-30', 'ym'],
    ['2027年2月', '2027-02-28', 'ym-cjk'],
    ['MAR 2027', '2027-03-31', 'mon-y'],
    ['Sept. 2027', '2027-09-30', 'mon-y'],
    ['2027 NOV', '2027-11-30', 'y-mon'],
    ['022028', '2028-02-29', 'my-compact'],
  ] as const)('reads month-only %s as the last day, %s', (text, expected, pattern) => {
    expect(parseLabelDate(text, ctx)).toMatchObject({
      status: 'ok',
      date: expected,
      pattern,
      precision: 'month',
    });
  });

  it('folds full-width digits and punctuation', () => {
    expect(date('２０２７－０３－１５')).toBe('2027-03-15');
    expect(date('２０２７年３月１５日')).toBe('2027-03-15');
  });

  it('finds the date inside longer text', () => {
    expect(parseLabelDate('EXP: 15/03/2027 L:A1', ctx)).toMatchObject({
      date: '2027-03-15',
      start: 5,
      end: 15,
    });
  });

  it('reports impossible dates as invalid, not as another date', () => {
    expect(parseLabelDate('2027-02-30', ctx)).toMatchObject({
      status: 'invalid',
      date: null,
      readings: [],
    });
    expect(parseLabelDate('31/31/2027', ctx)?.status).toBe('invalid');
    expect(parseLabelDate('13/2027', ctx)?.status).toBe('invalid');
    expect(parseLabelDate('2027年13月01日', ctx)?.status).toBe('invalid');
  });

  it('is null for things that are not dates', () => {
    for (const text of [
      '',
      'no date here',
      '12.5%',
      '500g',
      '3.14159',
      '400-820-8820',
      '14:32',
      '6901234567892',
      '12345678',
      '1.2345',
    ]) {
      expect(parseLabelDate(text, ctx)).toBeNull();
    }
  });

  it('reads six digits as MMYYYY only when no day-first or year-first reading exists', () => {
    expect(parseLabelDate('062027', ctx)?.strength).toBe('weak');
    // YYMMDD and DDMMYY are not read at all: which one a label means cannot be told.
    for (const text of ['270315', '150327', '120327', '131999', '002027', '062200']) {
      expect(parseLabelDate(text, ctx)).toBeNull();
    }
  });

  it('marks digit runs and two-digit years as weak', () => {
    expect(parseLabelDate('20270315', ctx)?.strength).toBe('weak');
    expect(parseLabelDate('15.03.27', ctx)?.strength).toBe('weak');
    expect(parseLabelDate('02 2028', ctx)?.strength).toBe('weak');
    expect(parseLabelDate('15.03.2027', ctx)?.strength).toBe('strong');
    expect(parseLabelDate('15 MAR 2027', ctx)?.strength).toBe('strong');
  });
});

describe('parseLabelDate: two-digit years', () => {
  it("puts them in today's century", () => {
    expect(date('15.03.27')).toBe('2027-03-15');
    expect(date('01.01.99')).toBe('2099-01-01');
    expect(date('01.01.00')).toBe('2000-01-01');
    expect(date('15.03.27', { today: '2101-01-01' })).toBe('2127-03-15');
  });
});

describe('parseLabelDate: OCR confusions', () => {
  it('reads O as 0 and I/l as 1 inside numbers, and says so', () => {
    expect(parseLabelDate('2O27-O3-l5', ctx)).toMatchObject({
      date: '2027-03-15',
      corrected: true,
      text: '2O27-O3-l5',
    });
    expect(parseLabelDate('I5/O3/2O27', ctx)).toMatchObject({
      date: '2027-03-15',
      corrected: true,
    });
    expect(parseLabelDate('2027-03-15', ctx)?.corrected).toBe(false);
  });
  it('never turns words into numbers', () => {
    expect(parseLabelDate('OIL IO lO', ctx)).toBeNull();
  });
});

describe('parseLabelDate: day or month first', () => {
  it('reads the only possible order when one number is over 12', () => {
    expect(date('15/03/2027', { ...ctx, market: 'US' })).toBe('2027-03-15');
    expect(date('03/15/2027', { ...ctx, market: 'CN' })).toBe('2027-03-15');
  });
  it('needs no order when both numbers are equal', () => {
    expect(date('03/03/2027')).toBe('2027-03-03');
  });
  it('reports both readings when language and market say nothing', () => {
    expect(parseLabelDate('03/04/2027', { ...ctx, language: 'en' })).toMatchObject({
      status: 'ambiguous',
      date: null,
      readings: ['2027-04-03', '2027-03-04'],
    });
  });
  it.each([
    [{ language: 'zh' }, '2027-04-03'],
    [{ market: 'CN' }, '2027-04-03'],
    [{ market: 'EU' }, '2027-04-03'],
    [{ language: 'en-GB' }, '2027-04-03'],
    [{ language: 'de', market: 'DE' }, '2027-04-03'],
    [{ language: 'en-US' }, '2027-03-04'],
    [{ market: 'US' }, '2027-03-04'],
    [{ language: 'en', market: 'US' }, '2027-03-04'],
    [{ language: 'zh', market: 'US' }, null],
    [{ language: 'en-CA' }, null],
    [{ market: 'JP' }, null],
  ] as const)('with %o reads 03/04/2027 as %s', (context, expected) => {
    expect(date('03/04/2027', { ...ctx, ...context })).toBe(expected);
  });
  it('follows a format printed on the label over the context', () => {
    expect(date('EXP (MM/DD/YYYY) 03/04/2027', { ...ctx, market: 'CN' })).toBe('2027-03-04');
    expect(date('EXP JJ/MM/AAAA 03/04/2027', { ...ctx, market: 'US' })).toBe('2027-04-03');
    expect(formatHint('DD/MM/YY MM/DD/YY')).toBeNull();
    expect(formatHint('ADDMM')).toBeNull();
  });
  it('combines language and market as documented', () => {
    expect(dayOrderFor({})).toBeNull();
    expect(dayOrderFor({ language: 'zh-CN', market: 'CN' })).toBe('day-first');
    expect(dayOrderFor({ language: 'en_US' })).toBe('month-first');
  });
});
