import { describe, expect, it } from 'vitest';
import { parseGs1 } from './index';

const pairs = (input: string) => parseGs1(input).fields.map((f) => [f.ai, f.value]);
const codes = (input: string) => parseGs1(input).errors.map((e) => e.code);
const ID = 'https://id.gs1.org';

describe('GS1 Digital Link URIs', () => {
  it('reads the path, percent-decoded, then the query', () => {
    const r = parseGs1(`${ID}/01/09506000134352/10/ABC%2F1?17=270315`);
    expect(r).toMatchObject({ valid: true, form: 'digital-link', symbology: null, aimId: null });
    expect(pairs(r.input)).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC/1'],
      ['17', '270315'],
    ]);
  });

  it('ignores the resolver path before the key, the fragment and non-AI parameters', () => {
    expect(
      pairs(
        'https://brand.example.com/products/x/01/09506000134352/21/S1?linkType=gs1:pip&flag#top',
      ),
    ).toEqual([
      ['01', '09506000134352'],
      ['21', 'S1'],
    ]);
    expect(codes('HTTPS://EXAMPLE.COM/01/09506000134352')).toEqual([]);
  });

  it('enforces the key qualifier order and alternatives from dlpkey', () => {
    expect(codes(`${ID}/01/09506000134352/22/A/10/B/21/C`)).toEqual([]);
    expect(codes(`${ID}/01/09506000134352/21/C`)).toEqual([]);
    expect(codes(`${ID}/01/09506000134352/235/T`)).toEqual([]);
    const wrongOrder = parseGs1(`${ID}/01/09506000134352/21/C/10/B`);
    expect(wrongOrder.errors.map((e) => e.code)).toEqual(['dl-invalid-key-qualifiers']);
    expect(wrongOrder.errors[0]?.message).toBe(
      'In a Digital Link path, GTIN may be followed by (22), (10), (21) or (235), in that order',
    );
    expect(codes(`${ID}/01/09506000134352/10/B/235/T`)).toContain('dl-invalid-key-qualifiers');
    expect(codes(`${ID}/00/106141411234567897/10/B`)).toContain('dl-invalid-key-qualifiers');
  });

  it('accepts only ? -flagged AIs as query attributes, and not qualifiers that belong in the path', () => {
    expect(codes(`${ID}/01/09506000134352?10=ABC`)).toEqual(['dl-attribute-in-path']);
    const serial = parseGs1(`${ID}/01/09506000134352?21=ABC`).errors;
    expect(serial.map((e) => e.code)).toEqual(['dl-not-attribute']);
    expect(serial[0]?.message).toBe(
      'Serial number (21) may not be a Digital Link query attribute; put it in the path after (01)',
    );
    expect(codes(`${ID}/01/09506000134352?3103=000195&3922=0299&17=201225`)).toEqual([]);
  });

  it('rejects numeric parameters that are not AIs, and duplicates', () => {
    expect(codes(`${ID}/01/09506000134352?89=ABC`)).toEqual(['dl-unknown-query-ai']);
    expect(codes(`${ID}/01/09506000134352?17=270315&17=270315`)).toEqual(['dl-duplicate-ai']);
  });

  it('rejects zero-suppressed GTINs and convenience names', () => {
    const short = parseGs1(`${ID}/01/9506000134352`);
    expect(short.errors.map((e) => e.code)).toEqual(['dl-zero-suppressed-gtin']);
    expect(short.errors[0]?.message).toBe(
      'GTIN 9506000134352 must be written with 14 digits in a Digital Link (09506000134352)',
    );
    expect(codes(`${ID}/gtin/09506000134352`)).toEqual(['dl-convenience-name']);
    expect(codes(`${ID}/01/09506000134352/lot/ABC`)).toEqual(['dl-convenience-name']);
  });

  it('rejects bad URIs', () => {
    expect(codes('Https://id.gs1.org/01/09506000134352')).toEqual(['dl-invalid-uri']);
    expect(codes(`${ID}/01/09506000134352/10/A B`)).toEqual(['dl-invalid-uri']);
    expect(codes('https://a_b.org/01/09506000134352')).toEqual(['dl-invalid-uri']);
    expect(codes('https://id.gs1.org')).toEqual(['dl-invalid-uri']);
    expect(codes(`${ID}/`)).toEqual(['dl-no-primary-key']);
    expect(codes(`${ID}/01/09506000134352/10/`)).toEqual(['empty-value']);
    expect(codes(`${ID}/01/09506000134352/`)).toEqual(['dl-no-primary-key']);
    expect(codes(`${ID}/01/09506000134352/10/A%00`)).toEqual(['dl-invalid-uri']);
    expect(codes(`${ID}/01/09506000134352?17=`)).toEqual(['empty-value']);
  });

  it('validates values with the same linters as element strings', () => {
    expect(codes(`${ID}/01/09506000134357`)).toEqual(['check-digit']);
    expect(codes(`${ID}/01/09506000134352?17=270231`)).toEqual(['invalid-date']);
    // "+" is a space in the query, which CSET 82 does not allow.
    expect(codes(`${ID}/01/09506000134352?99=A+B`)).toEqual(['invalid-character']);
    // An invalid percent sequence stays a literal "%", as in the reference engine.
    expect(pairs(`${ID}/01/09506000134352/10/A%ZZ`)).toContainEqual(['10', 'A%ZZ']);
  });

  it('applies the association rules to path and query together', () => {
    expect(codes(`${ID}/00/106141411234567897?02=09506000134352&37=10`)).toEqual([]);
    expect(codes(`${ID}/00/106141411234567897?02=09506000134352`)).toEqual(['missing-required-ai']);
  });
});
