import { describe, expect, it } from 'vitest';
import { brandOnLabel, checkLabel, codeKey } from './label-check';

const lines = ['CRUNCH FOX', 'Salted Cashews 180 g', 'EXP 2027-06-30  LOT CF77'];

describe('label matches barcode', () => {
  it('agrees when expiry, lot and brand match', () => {
    const r = checkLabel(
      { expiry: '2027-06-30', lot: 'CF77', lines },
      { expiry: '2027-06-30', lot: 'CF77' },
      'Crunch Fox',
    );
    expect(r).toEqual({
      matches: true,
      mismatches: [],
      agreed: ['expiry 2027-06-30', 'lot CF77', 'brand Crunch Fox'],
      unread: [],
    });
  });

  it('reports a different expiry with both values', () => {
    const r = checkLabel(
      { expiry: '2027-09-30', lot: 'CF77', lines },
      { expiry: '2027-06-30', lot: 'CF77' },
      null,
    );
    expect(r.matches).toBe(false);
    expect(r.mismatches).toEqual([
      expect.objectContaining({ field: 'expiry', label: '2027-09-30', expected: '2027-06-30' }),
    ]);
    expect(r.mismatches[0]?.text.en).toBe(
      'Label/barcode mismatch: the label says expiry 2027-09-30, the barcode 2027-06-30.',
    );
  });

  it('forgives OCR confusions in lots but not a different lot', () => {
    expect(codeKey('CFO7-l')).toBe(codeKey('CF07 1'));
    const same = checkLabel(
      { expiry: null, lot: 'SW063O', lines },
      { expiry: null, lot: 'SW0630' },
      null,
    );
    expect(same.matches).toBe(true);
    const other = checkLabel(
      { expiry: null, lot: 'CF78', lines },
      { expiry: null, lot: 'CF77' },
      null,
    );
    expect(other.mismatches.map((m) => m.field)).toEqual(['lot']);
  });

  it('says what the label did not show without calling it a mismatch', () => {
    const r = checkLabel(
      { expiry: null, lot: null, lines },
      { expiry: '2027-06-30', lot: 'CF77' },
      null,
    );
    expect(r).toMatchObject({ matches: true, unread: ['expiry', 'lot'] });
  });

  it('finds the brand despite case, spacing and one OCR error, not when absent', () => {
    expect(brandOnLabel('Crunch Fox', ['crunchfox snacks'])).toBe(true);
    expect(brandOnLabel('Northfield', ['N0RTHFIELD DAIRY'])).toBe(true);
    expect(brandOnLabel('Northfield', ['NORTHFIEID'])).toBe(true);
    expect(brandOnLabel('Northfield', ['Golden Harvest'])).toBe(false);
    expect(brandOnLabel('小熊猫', ['小熊猫婴儿配方奶粉'])).toBe(true);
    const r = checkLabel(
      { expiry: null, lot: null, lines: ['Golden Harvest'] },
      { expiry: null, lot: null },
      'Northfield',
    );
    expect(r.mismatches[0]?.text.en).toBe(
      'Label/brand mismatch: the brand "Northfield" does not appear on the label.',
    );
  });
});
