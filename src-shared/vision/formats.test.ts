import { describe, expect, it } from 'vitest';
import {
  BARCODE_FORMAT_NAMES,
  DEFAULT_BARCODE_FORMATS,
  formatOfResult,
  parseBarcodeFormat,
  ZXING_FORMAT,
  type BarcodeFormatName,
} from './formats';

describe('barcode formats', () => {
  it('defaults to the dock symbologies, without UPC-E', () => {
    expect(DEFAULT_BARCODE_FORMATS).toEqual([
      'EAN-13',
      'UPC-A',
      'EAN-8',
      'Code128',
      'ITF',
      'DataMatrix',
      'QRCode',
    ]);
    for (const f of BARCODE_FORMAT_NAMES) expect(ZXING_FORMAT[f]).toMatch(/^[A-Z][A-Za-z0-9]+$/);
  });

  it('reads the names people type', () => {
    expect(parseBarcodeFormat('ean-13')).toBe('EAN-13');
    expect(parseBarcodeFormat('EAN13')).toBe('EAN-13');
    expect(parseBarcodeFormat('upc_a')).toBe('UPC-A');
    expect(parseBarcodeFormat('GS1-128')).toBe('Code128');
    expect(parseBarcodeFormat('code 128')).toBe('Code128');
    expect(parseBarcodeFormat('ITF-14')).toBe('ITF');
    expect(parseBarcodeFormat('qr')).toBe('QRCode');
    expect(parseBarcodeFormat('Data Matrix')).toBe('DataMatrix');
    expect(parseBarcodeFormat('pdf417')).toBeNull();
    expect(parseBarcodeFormat('')).toBeNull();
  });

  it('names zxing results, a 0-led EAN-13 being a UPC-A when UPC-A is enabled', () => {
    const all = new Set<BarcodeFormatName>(DEFAULT_BARCODE_FORMATS);
    expect(formatOfResult('EAN13', '0036602301467', all)).toBe('UPC-A');
    expect(formatOfResult('UPCA', '0036602301467', all)).toBe('UPC-A');
    expect(formatOfResult('EAN13', '5449000039231', all)).toBe('EAN-13');
    expect(formatOfResult('EAN13', '0036602301467', new Set(['EAN-13']))).toBe('EAN-13');
    expect(formatOfResult('EAN8', '96385074', all)).toBe('EAN-8');
    expect(formatOfResult('UPCE', '0012345000065', all)).toBeNull();
    expect(formatOfResult('ITF14', '15400141288763', all)).toBe('ITF');
    expect(formatOfResult('MicroQRCode', 'x', all)).toBe('QRCode');
    expect(formatOfResult('Code128', 'x', new Set(['QRCode']))).toBeNull();
    expect(formatOfResult('PDF417', 'x', all)).toBeNull();
  });
});
