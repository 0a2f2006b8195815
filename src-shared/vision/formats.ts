/**
 * The barcode formats the station reads from images, their names in zxing-wasm, and the
 * defaults: the symbologies that carry GS1 data at a receiving dock (EAN/UPC on consumer
 * units, ITF-14 on cases, GS1-128 on case and pallet labels, GS1 DataMatrix and QR on
 * pharma and food packs) plus plain Code 128 (delivery notes). Every format left out is one
 * fewer way for a smudge or a patterned carton to be misread as a barcode.
 */

/** Our names for the formats (the same spelling as the barcode corpus uses). */
export const BARCODE_FORMAT_NAMES = [
  'EAN-13',
  'UPC-A',
  'EAN-8',
  'UPC-E',
  'Code128',
  'ITF',
  'DataMatrix',
  'QRCode',
] as const;

export type BarcodeFormatName = (typeof BARCODE_FORMAT_NAMES)[number];

/** Read unless the caller says otherwise. UPC-E is off: it is rare on goods delivered here. */
export const DEFAULT_BARCODE_FORMATS: readonly BarcodeFormatName[] = [
  'EAN-13',
  'UPC-A',
  'EAN-8',
  'Code128',
  'ITF',
  'DataMatrix',
  'QRCode',
];

/** zxing-wasm's canonical names for the formats we ask it for (a subset of its list). */
export type ZxingFormat =
  'EAN13' | 'UPCA' | 'EAN8' | 'UPCE' | 'Code128' | 'ITF' | 'DataMatrix' | 'QRCode';

export const ZXING_FORMAT: Readonly<Record<BarcodeFormatName, ZxingFormat>> = {
  'EAN-13': 'EAN13',
  'UPC-A': 'UPCA',
  'EAN-8': 'EAN8',
  'UPC-E': 'UPCE',
  Code128: 'Code128',
  ITF: 'ITF',
  DataMatrix: 'DataMatrix',
  QRCode: 'QRCode',
};

/** The 1-D formats: no error correction, so their reads need more checking than 2-D ones. */
export const LINEAR_FORMATS: ReadonlySet<BarcodeFormatName> = new Set([
  'EAN-13',
  'UPC-A',
  'EAN-8',
  'UPC-E',
  'Code128',
  'ITF',
]);

/** The retail (EAN/UPC) family: one symbol may be reported under either name. */
export const RETAIL_FORMATS: ReadonlySet<BarcodeFormatName> = new Set([
  'EAN-13',
  'UPC-A',
  'EAN-8',
  'UPC-E',
]);

const ALIASES: Readonly<Record<string, BarcodeFormatName>> = {
  ean13: 'EAN-13',
  upca: 'UPC-A',
  ean8: 'EAN-8',
  upce: 'UPC-E',
  code128: 'Code128',
  gs1128: 'Code128',
  itf: 'ITF',
  itf14: 'ITF',
  datamatrix: 'DataMatrix',
  gs1datamatrix: 'DataMatrix',
  qr: 'QRCode',
  qrcode: 'QRCode',
  gs1qrcode: 'QRCode',
};

/** A format named by a person: case, spaces, '-' and '_' do not matter ('ean-13', 'GS1-128', 'qr'). */
export function parseBarcodeFormat(name: string): BarcodeFormatName | null {
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  return ALIASES[key] ?? null;
}

/**
 * Our format for a zxing result. A UPC-A is the same bars as an EAN-13 whose first digit is 0,
 * and zxing reports it either way depending on the formats asked for; it is called UPC-A here
 * whenever UPC-A is enabled, as the GS1 engine does for `]E0` data starting with 0.
 */
export function formatOfResult(
  zxingFormat: string,
  text: string,
  enabled: ReadonlySet<BarcodeFormatName>,
): BarcodeFormatName | null {
  switch (zxingFormat) {
    case 'EAN13':
    case 'UPCA':
      if (text.length === 13 && text.startsWith('0') && enabled.has('UPC-A')) return 'UPC-A';
      if (text.length === 12 && enabled.has('UPC-A')) return 'UPC-A';
      return enabled.has('EAN-13') ? 'EAN-13' : enabled.has('UPC-A') ? 'UPC-A' : null;
    case 'EAN8':
      return enabled.has('EAN-8') ? 'EAN-8' : null;
    case 'UPCE':
      return enabled.has('UPC-E') ? 'UPC-E' : null;
    case 'Code128':
      return enabled.has('Code128') ? 'Code128' : null;
    case 'ITF':
    case 'ITF14':
      return enabled.has('ITF') ? 'ITF' : null;
    case 'DataMatrix':
      return enabled.has('DataMatrix') ? 'DataMatrix' : null;
    case 'QRCode':
    case 'QRCodeModel1':
    case 'QRCodeModel2':
    case 'MicroQRCode':
    case 'RMQRCode':
      return enabled.has('QRCode') ? 'QRCode' : null;
    default:
      return null;
  }
}
