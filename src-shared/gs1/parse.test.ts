import { describe, expect, it } from 'vitest';
import { GS1_ERROR_CODES, parseGs1 } from './index';

const GS = '\x1d';
const DATA = `0109506000134352172703151` + `0A1234B${GS}21S1`;

describe('AIM symbology identifiers', () => {
  it.each([
    [']C1', 'GS1-128'],
    [']e0', 'GS1 DataBar'],
    [']d2', 'GS1 DataMatrix'],
    [']Q3', 'GS1 QR Code'],
    [']J1', 'GS1 DotCode'],
  ])('%s carries GS1 element strings (%s)', (aimId, symbology) => {
    const r = parseGs1(aimId + DATA);
    expect(r).toMatchObject({ valid: true, aimId, symbology, form: 'element-string' });
    expect(r.fields.map((f) => f.ai)).toEqual(['01', '17', '10', '21']);
  });

  it.each([
    [']d1', 'DataMatrix'],
    [']Q1', 'QR Code'],
    [']J0', 'DotCode'],
    [']C0', 'Code 128'],
  ])('%s plain data may hold a Digital Link', (aimId, symbology) => {
    const r = parseGs1(`${aimId}https://id.gs1.org/01/09506000134352/10/ABC?17=270315`);
    expect(r).toMatchObject({ valid: true, aimId, symbology, form: 'digital-link' });
    expect(r.fields.map((f) => f.ai)).toEqual(['01', '10', '17']);
  });

  it('other plain content gives no fields and a clear error', () => {
    const r = parseGs1(']Q1Hello, world');
    expect(r).toMatchObject({ valid: false, form: 'plain', symbology: 'QR Code', fields: [] });
    expect(r.errors).toEqual([
      {
        code: 'not-gs1-data',
        message: 'This symbol holds plain data, not GS1 data (no AIs and no GS1 Digital Link)',
        position: 3,
      },
    ]);
  });

  it('an identifier alone is empty input', () => {
    expect(parseGs1(']d2').errors.map((e) => e.code)).toEqual(['empty-input']);
    expect(parseGs1(']d2').form).toBe('element-string');
  });

  it('an ITF that is not 14 digits is not GS1 data', () => {
    expect(parseGs1(']I1123456').errors.map((e) => e.code)).toEqual(['not-gs1-data']);
  });
});

describe('parseGs1 in general', () => {
  it('returns the input as given and ignores a trailing Enter', () => {
    const input = `]d2${DATA}\r\n`;
    const r = parseGs1(input);
    expect(r.input).toBe(input);
    expect(r.valid).toBe(true);
  });

  it('rejects empty and oversized input without parsing', () => {
    expect(parseGs1('').errors.map((e) => e.code)).toEqual(['empty-input']);
    expect(parseGs1('\r\n').errors.map((e) => e.code)).toEqual(['empty-input']);
    expect(parseGs1(`(10)${'A'.repeat(9000)}`).errors.map((e) => e.code)).toEqual([
      'input-too-long',
    ]);
  });

  it('uses only documented error codes', () => {
    const inputs = ['', 'x', ']Q1x', '(01)1', 'https://a/b', ']E01', '(02)09506000134352', '0A'];
    for (const input of inputs) {
      for (const error of parseGs1(input).errors) expect(GS1_ERROR_CODES).toContain(error.code);
    }
  });

  it('valid is exactly "no errors"', () => {
    for (const input of ['(01)09506000134352', '(01)09506000134353', ']Q1x']) {
      const r = parseGs1(input);
      expect(r.valid).toBe(r.errors.length === 0);
    }
  });
});
