import { describe, expect, it } from 'vitest';
import { interpretGs1, parseGs1, resolveTwoDigitYear } from './index';

const TODAY = { today: '2026-05-01' };
const meaning = (input: string, options = TODAY) => interpretGs1(parseGs1(input).fields, options);

describe('two-digit years (GS1 General Specifications §7.12)', () => {
  it('puts a year 51 to 99 ahead of today in the previous century', () => {
    expect(resolveTwoDigitYear(77, 2026)).toBe(1977); // 77 − 26 = 51
    expect(resolveTwoDigitYear(99, 2048)).toBe(1999); // 51
  });

  it('puts a year 50 to 99 behind today in the next century', () => {
    expect(resolveTwoDigitYear(0, 2099)).toBe(2100); // 0 − 99 = −99
    expect(resolveTwoDigitYear(49, 2099)).toBe(2149); // −50
  });

  it('keeps everything else in the current century', () => {
    expect(resolveTwoDigitYear(76, 2026)).toBe(2076); // 50
    expect(resolveTwoDigitYear(27, 2026)).toBe(2027);
    expect(resolveTwoDigitYear(0, 2026)).toBe(2000);
    expect(resolveTwoDigitYear(50, 2099)).toBe(2050); // −49
  });
});

describe('interpretGs1', () => {
  it('gives the intake meaning of a scan', () => {
    expect(
      meaning(
        '(01)09506000134352(10)A1234B(21)S1(11)260110(13)260115(15)270315(16)270301(17)270331',
      ),
    ).toEqual({
      gtin: '09506000134352',
      lot: 'A1234B',
      serial: 'S1',
      production: '2026-01-10',
      packaging: '2026-01-15',
      bestBefore: '2027-03-15',
      sellBy: '2027-03-01',
      expiry: '2027-03-31',
    });
  });

  it('reads day 00 as the last day of the month, including leap Februaries', () => {
    expect(meaning('(01)09506000134352(17)270200').expiry).toBe('2027-02-28');
    expect(meaning('(01)09506000134352(17)280200').expiry).toBe('2028-02-29');
    expect(meaning('(01)09506000134352(15)261100').bestBefore).toBe('2026-11-30');
  });

  it('resolves the century from the injected today', () => {
    expect(meaning('(01)09506000134352(11)990101').production).toBe('1999-01-01');
    expect(meaning('(01)09506000134352(11)990101', { today: '2060-06-01' }).production).toBe(
      '2099-01-01',
    );
  });

  it('leaves out a date that does not exist in the resolved century', () => {
    // Valid for the linter (YY 00 is a leap year there) but 2100-02-29 does not exist.
    expect(parseGs1('(01)09506000134352(11)000229').valid).toBe(true);
    expect(
      meaning('(01)09506000134352(11)000229', { today: '2099-06-01' }).production,
    ).toBeUndefined();
    expect(meaning('(01)09506000134352(11)000229').production).toBe('2000-02-29');
  });

  it('reads counts, weights with their decimal position, and other measures', () => {
    const m = meaning('(00)106141411234567897(02)09506000134352(37)24(3302)012345(3103)001250');
    expect(m).toMatchObject({
      sscc: '106141411234567897',
      contentGtin: '09506000134352',
      count: 24,
      grossWeightKg: 123.45,
      netWeightKg: 1.25,
    });
    expect(m.measures).toEqual([
      { ai: '3302', quantity: 'GROSS WEIGHT', unit: 'kg', logistic: true, value: 123.45 },
      { ai: '3103', quantity: 'NET WEIGHT', unit: 'kg', logistic: false, value: 1.25 },
    ]);
    expect(meaning('(01)09506000134352(30)12').count).toBe(12);
    expect(meaning('(01)09506000134352(3600)000002').measures?.[0]).toMatchObject({
      quantity: 'NET VOLUME',
      unit: 'qt (US)',
    });
  });

  it('keeps the first value and skips unconvertible ones', () => {
    const m = interpretGs1(
      [
        { ai: '17', value: '271399', title: '' },
        { ai: '10', value: 'A', title: '' },
        { ai: '10', value: 'B', title: '' },
        { ai: '20', value: '01', title: '' },
        { ai: '22', value: 'CPV', title: '' },
      ],
      TODAY,
    );
    expect(m).toEqual({ lot: 'A', variant: '01', cpv: 'CPV' });
  });

  it('uses (7003) for the expiry date when (17) is absent', () => {
    expect(meaning('(01)09506000134352(7003)2703151430').expiry).toBe('2027-03-15');
  });

  it('rejects a malformed today', () => {
    expect(() =>
      interpretGs1([{ ai: '17', value: '270315', title: '' }], { today: '2026-13-01' }),
    ).toThrow(RangeError);
  });
});
