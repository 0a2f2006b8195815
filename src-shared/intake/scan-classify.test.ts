import { describe, expect, it } from 'vitest';
import { classifyScan } from './scan-classify';

const today = '2026-11-28';
const GS = '\x1d';

describe('scan classification', () => {
  it('reads a GS1-128 case label as a product with lot, dates and serial', () => {
    const { meaning } = classifyScan(
      `]C10116920001000018${'17'}270517${'10'}L1128A${GS}21C001`,
      today,
    );
    expect(meaning).toMatchObject({
      kind: 'product',
      gtin: '16920001000018',
      lot: 'L1128A',
      serial: 'C001',
      dates: { expiry: '2027-05-17', production: null },
    });
  });

  it('reads a GS1 DataMatrix unit the same way', () => {
    const { meaning } = classifyScan(`]d201069200010000351726121710Y0428${GS}21SN000123`, today);
    expect(meaning).toMatchObject({
      kind: 'product',
      gtin: '06920001000035',
      lot: 'Y0428',
      serial: 'SN000123',
      symbology: 'GS1 DataMatrix',
    });
  });

  it('reads an EAN-13 as a product without a lot', () => {
    expect(classifyScan(']E06920001000011', today).meaning).toMatchObject({
      kind: 'product',
      gtin: '06920001000011',
      lot: null,
    });
  });

  it('reads a pallet label (SSCC alone) and a pallet content label (00 + 02 + 37)', () => {
    expect(classifyScan(']C100069200010000001018', today).meaning).toEqual({
      kind: 'pallet',
      sscc: '069200010000001018',
      symbology: 'GS1-128',
    });
    expect(
      classifyScan(`]C1000692000100000010180216920001000018${'37'}20${GS}10L1`, today).meaning,
    ).toMatchObject({
      kind: 'pallet-content',
      contentGtin: '16920001000018',
      count: 20,
      lot: 'L1',
    });
  });

  it('treats non-GS1 codes as codes to look up (ASN numbers, badges)', () => {
    expect(classifyScan(']C0ASN-20261128-01', today).meaning).toEqual({
      kind: 'code',
      text: 'ASN-20261128-01',
    });
    expect(classifyScan('ASN-20261128-01', today).meaning).toEqual({
      kind: 'code',
      text: 'ASN-20261128-01',
    });
    expect(classifyScan('QCS-INSP-0001\r\n', today).meaning).toEqual({
      kind: 'code',
      text: 'QCS-INSP-0001',
    });
  });

  it('reports GS1 data that fails validation as invalid, with the reason', () => {
    const { meaning } = classifyScan(']C10106920001000010', today);
    expect(meaning.kind).toBe('invalid');
    if (meaning.kind === 'invalid') expect(meaning.parse.errors[0]?.message).toMatch(/check digit/);
    expect(classifyScan('4006381333932', today).meaning.kind).toBe('invalid');
  });
});
