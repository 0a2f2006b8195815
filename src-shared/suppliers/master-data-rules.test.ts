import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gtinCheckDigit } from '../gs1';
import { checkSku, normalizeGtin, supplierProblems } from './master-data-rules';

describe('normalizeGtin', () => {
  it('pads EAN-13, UPC-A and EAN-8 to GTIN-14 when the check digit holds', () => {
    expect(normalizeGtin('6920001000011')).toEqual({ ok: true, gtin: '06920001000011' });
    expect(normalizeGtin('0 36000 29145 2')).toEqual({ ok: true, gtin: '00036000291452' });
    expect(normalizeGtin('96385074')).toEqual({ ok: true, gtin: '00000096385074' });
    expect(normalizeGtin('06920001000011')).toEqual({ ok: true, gtin: '06920001000011' });
  });

  it('says what is wrong', () => {
    expect(normalizeGtin('6920001000019')).toEqual({
      ok: false,
      problem: '6920001000019: the check digit should be 1',
    });
    expect(normalizeGtin('12345')).toEqual({
      ok: false,
      problem: '"12345" has 5 digits (a GTIN has 8, 12, 13 or 14)',
    });
    expect(normalizeGtin('69200010000AB')).toMatchObject({ ok: false });
  });

  it('accepts exactly the bodies whose last digit is their check digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), fc.integer({ min: 0, max: 9 }), (body, last) => {
        const r = normalizeGtin(`${body}${last}`);
        expect(r.ok).toBe(last === gtinCheckDigit(body));
      }),
    );
  });
});

describe('checkSku', () => {
  const unit = '06920001000011';
  const caseGtin = `1692000100001${gtinCheckDigit('1692000100001')}`;
  it('normalises and orders the packaging hierarchy', () => {
    const pallet = `3692000100001${gtinCheckDigit('3692000100001')}`;
    const r = checkSku({
      gtin: '6920001000011',
      packaging: [
        { gtin: pallet, level: 'pallet', unitsPer: 960 },
        { gtin: caseGtin, level: 'case', unitsPer: 12 },
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.sku).toEqual({
      gtin: unit,
      packaging: [
        { gtin: caseGtin, level: 'case', unitsPer: 12 },
        { gtin: pallet, level: 'pallet', unitsPer: 960 },
      ],
    });
  });

  it('refuses a GTIN twice, a bad check digit and a case smaller than an inner', () => {
    const inner = `2692000100001${gtinCheckDigit('2692000100001')}`;
    const r = checkSku({
      gtin: unit,
      packaging: [
        { gtin: unit, level: 'case', unitsPer: 12 },
        { gtin: '16920001000010', level: 'case', unitsPer: 12 },
        { gtin: inner, level: 'inner', unitsPer: 24 },
        { gtin: caseGtin, level: 'case', unitsPer: 12 },
      ],
    });
    expect(r.problems).toEqual([
      `GTIN ${unit} is used twice in this SKU`,
      'case GTIN: 16920001000010: the check digit should be 8',
      'a case (12 units) must hold more than a inner (24)',
    ]);
  });
});

describe('supplierProblems', () => {
  it('finds duplicated documents and audits and audits that expire before they happen', () => {
    expect(
      supplierProblems({
        documents: [
          { type: 'business-licence', number: 'A1', validUntil: '2027-01-01' },
          { type: 'business-licence', number: 'A1 ', validUntil: '2028-01-01' },
        ],
        audits: [
          { date: '2026-05-01', auditor: 'QA', validUntil: '2026-04-01' },
          { date: '2026-05-01', auditor: 'QA', validUntil: '2027-04-01' },
        ],
      }),
    ).toEqual([
      'document business-licence A1 is listed twice',
      'the audit of 2026-05-01 cannot expire before it took place',
      'the audit of 2026-05-01 QA is listed twice',
    ]);
  });
});
