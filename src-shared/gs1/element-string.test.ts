import { describe, expect, it } from 'vitest';
import { bracketed, gs1ElementString, parseGs1 } from './index';

const GS = '\x1d';
const pairs = (input: string) => parseGs1(input).fields.map((f) => [f.ai, f.value]);
const codes = (input: string) => parseGs1(input).errors.map((e) => e.code);

describe('bracketed element strings', () => {
  it('reads AIs, values and titles', () => {
    const r = parseGs1('(01)09506000134352(17)270315(10)A1234B');
    expect(r).toMatchObject({ valid: true, form: 'bracketed', symbology: null, aimId: null });
    expect(r.fields).toEqual([
      { ai: '01', value: '09506000134352', title: 'GTIN' },
      { ai: '17', value: '270315', title: 'USE BY or EXPIRY' },
      { ai: '10', value: 'A1234B', title: 'BATCH/LOT' },
    ]);
  });

  it('reads \\( as a literal parenthesis, also at the end', () => {
    expect(pairs('(01)09506000134352(10)AB\\(C(21)X\\(')).toEqual([
      ['01', '09506000134352'],
      ['10', 'AB(C'],
      ['21', 'X('],
    ]);
  });

  it('rejects malformed brackets, unknown AIs, empty and wrong-length values', () => {
    expect(codes('(01)09506000134352(10')).toEqual(['bracket-syntax']);
    expect(codes('(1A)12345')).toEqual(['unknown-ai']);
    expect(codes('(23)12345')).toEqual(['unknown-ai']);
    expect(codes('(01)09506000134352(10)')).toEqual(['empty-value']);
    expect(codes('(01)0950600013435')).toEqual(['value-too-short']);
    expect(codes('(01)095060001343521')).toEqual(['value-too-long']);
    expect(codes('(10)ABC^')).toEqual(['illegal-caret']);
  });

  it('keeps checking later AIs after a bad value', () => {
    const r = parseGs1('(01)09506000134357(17)270231(10)A1234B');
    expect(r.errors.map((e) => [e.code, e.ai])).toEqual([
      ['check-digit', '01'],
      ['invalid-date', '17'],
    ]);
    expect(r.errors[0]?.message).toBe('GTIN check digit is wrong: expected 2, got 7');
    expect(r.errors[1]?.message).toBe('Expiry date (17) 270231 is not a real date');
    expect(r.fields).toHaveLength(3);
  });
});

describe('unbracketed element strings (FNC1 as GS)', () => {
  it('splits predefined-length AIs without separators and others at GS', () => {
    expect(pairs(`0109506000134352172703151` + `0A1234B${GS}21XYZ`)).toEqual([
      ['01', '09506000134352'],
      ['17', '270315'],
      ['10', 'A1234B'],
      ['21', 'XYZ'],
    ]);
  });

  it('tolerates a stray GS after a predefined-length AI and at the end', () => {
    expect(codes(`]C10109506000134352${GS}17270315${GS}`)).toEqual([]);
  });

  it('accepts one leading GS as a transmitted FNC1 when there is no AIM id', () => {
    expect(codes(`${GS}0109506000134352${GS}10ABC`)).toEqual([]);
    expect(codes(`]C1${GS}0109506000134352`)).toEqual(['unknown-ai']);
  });

  it('says when a separator is missing', () => {
    const r = parseGs1(`]C10109506000134352` + `10ABCDEFGHIJKLMNOPQRSTUVWXYZ`);
    expect(r.errors[0]).toMatchObject({ code: 'missing-separator', ai: '10' });
    expect(r.errors[0]?.message).toMatch(/^AI \(10\) needs a separator before the next AI/);
    // Fixed-length but FNC1-terminated AIs need the separator too (README: (8018) N18).
    expect(codes(`]C18018106141411234567897` + `80191234`)).toEqual(['missing-separator']);
    expect(codes(`]C18018106141411234567897${GS}80191234`)).toEqual([]);
  });

  it('reports a predefined-length value cut short by a GS', () => {
    expect(codes(`]C1010950600013435${GS}10ABC`)).toContain('value-too-short');
  });

  it('rejects unknown AIs, doubled separators and ^', () => {
    expect(parseGs1(']C12312345').errors[0]).toMatchObject({
      code: 'unknown-ai',
      message: 'No known GS1 AI starts with "2312"',
      position: 3,
    });
    expect(codes(`]C110ABC${GS}${GS}21X`)).toEqual(['unknown-ai']);
    expect(codes(`]C110AB^C`)).toEqual(['illegal-caret']);
  });

  it('reports the position of a bad value in the input', () => {
    const r = parseGs1(`]C10109506000134357`);
    expect(r.errors[0]).toMatchObject({ code: 'check-digit', position: 18 });
  });
});

describe('builders', () => {
  const fields = [
    { ai: '01', value: '09506000134352' },
    { ai: '10', value: 'AB(C' },
    { ai: '17', value: '270315' },
    { ai: '21', value: 'S1' },
  ];

  it('puts GS only after AIs that need one, never at the end', () => {
    expect(gs1ElementString(fields)).toBe(`0109506000134352` + `10AB(C${GS}17270315` + `21S1`);
  });

  it('escapes ( in bracketed values', () => {
    expect(bracketed(fields)).toBe('(01)09506000134352(10)AB\\(C(17)270315(21)S1');
  });

  it('round-trips through both forms', () => {
    expect(pairs(bracketed(fields))).toEqual(fields.map((f) => [f.ai, f.value]));
    expect(pairs(`]d2${gs1ElementString(fields)}`)).toEqual(fields.map((f) => [f.ai, f.value]));
  });
});
