import { describe, expect, it } from 'vitest';
import { parseGs1 } from './index';

const codes = (input: string) => parseGs1(input).errors.map((e) => e.code);
const GTIN = '(01)09506000134352';
const SSCC = '(00)106141411234567897';

describe('req= (required companions)', () => {
  it('(02) needs (37), and (37) needs (00) and one of (02)/(8026)', () => {
    const r = parseGs1('(02)09506000134352');
    expect(r.errors).toEqual([
      {
        code: 'missing-required-ai',
        message: 'Content GTIN (02) needs (37) in the same scan',
        ai: '02',
        position: 0,
      },
    ]);
    expect(codes(`${SSCC}(02)09506000134352(37)12`)).toEqual([]);
    const lone37 = parseGs1('(37)12').errors.map((e) => e.message);
    expect(lone37).toEqual([
      'Count (37) needs (00) in the same scan',
      'Count (37) needs one of (02) or (8026) in the same scan',
    ]);
  });

  it('lists alternatives and + groups', () => {
    expect(parseGs1('(10)ABC').errors[0]?.message).toBe(
      'Batch/lot (10) needs one of (01), (02), (03), (8006) or (8026) in the same scan',
    );
    expect(parseGs1(`${GTIN}(8030)ABC`).errors[0]?.message).toMatch(/\(01\)\+\(21\)/);
    expect(codes(`${GTIN}(21)S1(8030)ABC`)).toEqual([]);
  });

  it('matches n wildcards: (3922) needs (01) and one of (30)/(31nn)/…', () => {
    expect(codes(`${GTIN}(3922)0299`)).toEqual(['missing-required-ai']);
    expect(codes(`${GTIN}(3103)000195(3922)0299`)).toEqual([]);
  });

  it('needs every AI of a + group: (7258) needs (8018) and (7259)', () => {
    expect(codes('(8018)106141411234567897(7258)1/2')).toEqual(['missing-required-ai']);
    expect(codes('(8018)106141411234567897(7259)BABY(7258)1/2')).toEqual([]);
  });
});

describe('ex= (exclusions)', () => {
  it('(01) and (02) exclude each other; reported once', () => {
    const r = parseGs1(`${GTIN}(02)09506000134352(37)5${SSCC}`);
    expect(r.errors.map((e) => e.code)).toEqual(['exclusive-ais', 'exclusive-ais']);
    expect(r.errors.map((e) => e.message)).toEqual([
      'GTIN and Count (37) may not appear together',
      'Content GTIN (02) and GTIN may not appear together',
    ]);
  });

  it('an AI is never in conflict with itself: (3940) ex=394n', () => {
    const gcn = '(255)0614141000418';
    expect(codes(`${gcn}(3940)1234(3940)1234`)).toEqual([]);
    expect(codes(`${gcn}(3940)1234(3941)1234`)).toEqual(['exclusive-ais']);
  });
});

describe('repeated AIs', () => {
  it('are allowed only with identical values', () => {
    expect(codes(`${GTIN}(10)ABC${GTIN}(10)ABC`)).toEqual([]);
    const r = parseGs1(`${GTIN}(10)ABC(10)ABD`);
    expect(r.errors).toMatchObject([{ code: 'repeated-ai-mismatch', ai: '10' }]);
    expect(r.errors[0]?.message).toBe(
      'Batch/lot (10) appears twice with different values: ABC and ABD',
    );
  });
});

describe('(8030) digital signature', () => {
  it('needs the serial component of (253), (255) or (8003)', () => {
    const gdti = '(253)0614141000418';
    expect(codes(`${gdti}(8030)ABC`)).toEqual(['digsig-needs-serial']);
    expect(codes(`${gdti}S1(8030)ABC`)).toEqual([]);
    expect(codes(`${gdti}`)).toEqual([]);
  });
});
