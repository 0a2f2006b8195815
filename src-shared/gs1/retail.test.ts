import { describe, expect, it } from 'vitest';
import { expandUpcE, gtinCheckDigit, parseGs1 } from './index';

const read = (input: string) => {
  const r = parseGs1(input);
  return { form: r.form, symbology: r.symbology, valid: r.valid, gtin: r.fields[0]?.value };
};

describe('gtinCheckDigit (GS1 mod 10)', () => {
  it('computes check digits of every GTIN length', () => {
    expect(gtinCheckDigit('0950600013435')).toBe(2);
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('1234567')).toBe(0);
    expect(gtinCheckDigit('10614141123456789')).toBe(7);
  });

  it('throws on non-digits (a programming error, not scan data)', () => {
    expect(() => gtinCheckDigit('12A')).toThrow(RangeError);
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
  });
});

describe('UPC-E expansion', () => {
  it.each([
    ['04252614', '042100005264'], // last digit 0-2: manufacturer D1 D2 D6 00, item 00 D3 D4 D5
    ['01234531', '012300000451'], // 3: manufacturer D1 D2 D3 00, item 000 D4 D5
    ['01234541', '012340000051'], // 4: manufacturer D1-D4 0, item 0000 D5
    ['01234565', '012345000065'], // 5-9: manufacturer D1-D5, item 0000 D6
    ['00123457', '001234000057'],
  ])('%s expands to %s', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
  });

  it('refuses number systems other than 0 and 1', () => {
    expect(expandUpcE('21234565')).toBeNull();
    expect(expandUpcE('0123456')).toBeNull();
  });
});

describe('retail symbols', () => {
  it('turns each into a GTIN-14 in one (01) field', () => {
    expect(read('4006381333931')).toEqual({
      form: 'retail',
      symbology: 'EAN-13',
      valid: true,
      gtin: '04006381333931',
    });
    expect(read('036000291452')).toEqual({
      form: 'retail',
      symbology: 'UPC-A',
      valid: true,
      gtin: '00036000291452',
    });
    expect(read('95060002')).toEqual({
      form: 'retail',
      symbology: 'EAN-8',
      valid: true,
      gtin: '00000095060002',
    });
    expect(read('04252614')).toEqual({
      form: 'retail',
      symbology: 'UPC-E',
      valid: true,
      gtin: '00042100005264',
    });
    const itf = `1061414100041${gtinCheckDigit('1061414100041')}`;
    expect(read(itf)).toEqual({ form: 'retail', symbology: 'ITF-14', valid: true, gtin: itf });
    expect(parseGs1('4006381333931').fields[0]).toEqual({
      ai: '01',
      value: '04006381333931',
      title: 'GTIN',
    });
  });

  it('reads AIM identifiers ]E0 (EAN-13, UPC-A, UPC-E), ]E4 (EAN-8) and ]I1 (ITF-14)', () => {
    expect(read(']E04006381333931')).toMatchObject({ symbology: 'EAN-13', gtin: '04006381333931' });
    expect(read(']E00036000291452')).toMatchObject({ symbology: 'UPC-A', gtin: '00036000291452' });
    expect(read(']E0036000291452')).toMatchObject({ symbology: 'UPC-A', gtin: '00036000291452' });
    expect(read(']E004252614')).toMatchObject({ symbology: 'UPC-E', gtin: '00042100005264' });
    expect(read(']E495060002')).toMatchObject({ symbology: 'EAN-8', gtin: '00000095060002' });
    expect(read(']I110614141000415')).toMatchObject({ symbology: 'ITF-14', valid: true });
    expect(read(']E3400638133393112')).toMatchObject({
      symbology: 'EAN-13',
      gtin: '04006381333931',
    });
    expect(parseGs1(']E412345').errors.map((e) => e.code)).toEqual(['invalid-retail-data']);
  });

  it('explains a wrong check digit with the symbology name', () => {
    const r = parseGs1(']E04006381333932');
    expect(r.errors).toEqual([
      {
        code: 'check-digit',
        message: 'EAN-13 check digit is wrong: expected 1, got 2',
        ai: '01',
        position: 15,
      },
    ]);
  });

  it('reads a composite component after |]e0 with the same association rules', () => {
    const r = parseGs1(']E04006381333931|]e01727031510ABC');
    expect(r).toMatchObject({ valid: true, form: 'retail', symbology: 'EAN-13' });
    expect(r.fields.map((f) => f.ai)).toEqual(['01', '17', '10']);
  });
});

describe('plain digits without an AIM identifier', () => {
  it('are retail when 8, 12, 13 or 14 digits with a valid check digit', () => {
    expect(read('4006381333931').form).toBe('retail');
  });

  it('report a wrong check digit instead of reading the digits as some other AI', () => {
    // 14 digits that would also parse as an order number (400): at the dock this is a misprinted
    // or misread ITF-14, and the inspector must be told so.
    const data = '40012345678909';
    expect(gtinCheckDigit('4001234567890')).not.toBe(9);
    expect(read(data)).toMatchObject({ form: 'retail', valid: false });
    expect(parseGs1(data).errors[0]?.code).toBe(parseGs1('5901234123458').errors[0]?.code);
  });

  it('report the retail check-digit error when neither reading is valid', () => {
    const r = parseGs1('5901234123458');
    expect(r.form).toBe('retail');
    expect(r.errors[0]?.message).toBe('EAN-13 check digit is wrong: expected 7, got 8');
  });

  it('read a 13-digit string with a wrong check digit as a failed EAN-13, never as an order number', () => {
    const r = parseGs1('4006381333932');
    expect(r).toMatchObject({ form: 'retail', valid: false, symbology: 'EAN-13' });
    expect(r.errors[0]?.message).toMatch(/EAN-13 check digit is wrong/);
  });

  it('are element strings at any other length', () => {
    expect(read('0109506000134352').form).toBe('element-string');
  });
});
