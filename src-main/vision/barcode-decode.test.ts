import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyScan } from '../../src-shared/intake/scan-classify';
import { decodeFrame, type DecodedCode } from '../../src-shared/vision/barcode-reader';
import { greyToRgba, rgbaToGrey, rotate } from '../../src-shared/vision/preprocess';
import {
  decodeImageFile,
  ImageReadError,
  loadBarcodeReader,
  readImageRgba,
  zxingWasmPath,
} from './barcode-decode';
import { compose, encodeImage, renderSymbol } from './barcode-images.test-helper';

const GS = '\u001d';
const TODAY = '2026-06-01';

describe('zxing-wasm in Node', () => {
  it('loads its .wasm from node_modules and fetches nothing', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network here')));
    vi.stubGlobal('fetch', fetch);
    try {
      const read = await loadBarcodeReader();
      const image = compose(300, 200, [
        { image: await renderSymbol('hello', 'QRCode'), x: 20, y: 20 },
      ]);
      const codes = await decodeFrame(read, image);
      expect(codes.map((c) => c.text)).toEqual([']Q1hello']);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(zxingWasmPath()).toContain(
      `${sep}node_modules${sep}zxing-wasm${sep}dist${sep}reader${sep}`,
    );
  });
});

describe('reading symbols as the scan pipeline wants them', () => {
  const cases: {
    name: string;
    text: string;
    format: Parameters<typeof renderSymbol>[1];
    gs1?: boolean;
    expected: { format: DecodedCode['format']; text: string };
    meaning: Record<string, unknown>;
  }[] = [
    {
      name: 'GS1-128',
      text: '(01)09501101020917(17)271231(10)ABC123(21)S1',
      format: 'Code128',
      gs1: true,
      expected: { format: 'Code128', text: `]C101095011010209171727123110ABC123${GS}21S1` },
      meaning: { kind: 'product', gtin: '09501101020917', lot: 'ABC123', serial: 'S1' },
    },
    {
      name: 'GS1 DataMatrix',
      text: '(01)09501101020917(17)271231(10)L7(21)XYZ789',
      format: 'DataMatrix',
      gs1: true,
      expected: { format: 'DataMatrix', text: `]d201095011010209171727123110L7${GS}21XYZ789` },
      meaning: { kind: 'product', gtin: '09501101020917', lot: 'L7', serial: 'XYZ789' },
    },
    {
      name: 'GS1 QR Code',
      text: '(01)09501101020917(10)ABC',
      format: 'QRCode',
      gs1: true,
      expected: { format: 'QRCode', text: ']Q3010950110102091710ABC' },
      meaning: { kind: 'product', gtin: '09501101020917', lot: 'ABC' },
    },
    {
      name: 'EAN-13',
      text: '5449000039231',
      format: 'EAN13',
      expected: { format: 'EAN-13', text: ']E05449000039231' },
      meaning: { kind: 'product', gtin: '05449000039231' },
    },
    {
      name: 'UPC-A (sent as 13 digits)',
      text: '036602301467',
      format: 'UPCA',
      expected: { format: 'UPC-A', text: ']E00036602301467' },
      meaning: { kind: 'product', gtin: '00036602301467' },
    },
    {
      name: 'EAN-8',
      text: '96385074',
      format: 'EAN8',
      expected: { format: 'EAN-8', text: ']E496385074' },
      meaning: { kind: 'product', gtin: '00000096385074' },
    },
    {
      name: 'ITF-14',
      text: '15400141288763',
      format: 'ITF',
      expected: { format: 'ITF', text: ']I115400141288763' },
      meaning: { kind: 'product', gtin: '15400141288763' },
    },
    {
      name: 'plain Code 128 (a delivery number)',
      text: 'DN-2024-0042',
      format: 'Code128',
      expected: { format: 'Code128', text: ']C0DN-2024-0042' },
      meaning: { kind: 'code', text: 'DN-2024-0042' },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.expected.text.replace(GS, '<GS>')}`, async () => {
      const read = await loadBarcodeReader();
      const symbol = await renderSymbol(c.text, c.format, { gs1: c.gs1 ?? false });
      const frame = compose(symbol.width + 140, symbol.height + 90, [
        { image: symbol, x: 100, y: 50 },
      ]);
      const codes = await decodeFrame(read, frame, { effort: 'hard' });
      expect(codes.map(({ format, text }) => ({ format, text }))).toEqual([c.expected]);
      const [code] = codes;
      expect(code?.confirmed).toBe(true);
      expect(code?.text).toBe((code?.symbologyIdentifier ?? '') + (code?.rawText ?? ''));
      // Where the symbol is, in the frame's pixels (inside its quiet zone).
      const x = Math.min(code?.position.topLeft.x ?? 0, code?.position.bottomLeft.x ?? 0);
      expect(x).toBeGreaterThanOrEqual(100);
      expect(x).toBeLessThan(100 + 40);
      expect(
        Math.max(code?.position.topRight.x ?? 0, code?.position.bottomRight.x ?? 0),
      ).toBeLessThanOrEqual(100 + symbol.width);
      expect(classifyScan(code?.text ?? '', TODAY).meaning).toMatchObject(c.meaning);
    });
  }

  it('reads several symbols in one frame, top to bottom', async () => {
    const read = await loadBarcodeReader();
    const sscc = await renderSymbol('(00)340123450000000017', 'Code128', { gs1: true });
    const content = await renderSymbol('(02)09501101020917(37)24', 'Code128', { gs1: true });
    const dm = await renderSymbol('(01)09501101020917(10)L1', 'DataMatrix', {
      gs1: true,
      module: 5,
    });
    const frame = compose(900, 700, [
      { image: sscc, x: 30, y: 20 },
      { image: content, x: 30, y: 20 + sscc.height + 40 },
      { image: dm, x: 650, y: 450 },
    ]);
    const codes = await decodeFrame(read, frame, { effort: 'hard' });
    expect(codes.map((c) => c.text)).toEqual([
      ']C100340123450000000017',
      ']C10209501101020917' + '3724',
      ']d2010950110102091710L1',
    ]);
  });

  it('the fast pass: 2-D codes confirmed, 1-D ones only offered unconfirmed', async () => {
    const read = await loadBarcodeReader();
    const ean = await renderSymbol('5449000039231', 'EAN13');
    const qr = await renderSymbol('https://id.gs1.org/01/09501101020917', 'QRCode', { module: 4 });
    const frame = compose(1280, 720, [
      { image: ean, x: 100, y: 100 },
      { image: qr, x: 800, y: 300 },
    ]);
    const confirmedOnly = await decodeFrame(read, frame, { effort: 'fast' });
    expect(confirmedOnly.map((c) => c.format)).toEqual(['QRCode']);
    const all = await decodeFrame(read, frame, { effort: 'fast', includeUnconfirmed: true });
    expect(all.map((c) => [c.format, c.confirmed])).toEqual([
      ['EAN-13', false],
      ['QRCode', true],
    ]);
  });

  it('the hard passes straighten a 1-D symbol held at 40°', async () => {
    const read = await loadBarcodeReader();
    const ean = await renderSymbol('9780140013993', 'EAN13', { module: 4 });
    const tilted = greyToRgba(
      rotate(rgbaToGrey(compose(700, 500, [{ image: ean, x: 150, y: 120 }])), 40).image,
    );
    expect(await decodeFrame(read, tilted, { effort: 'fast', includeUnconfirmed: true })).toEqual(
      [],
    );
    const codes = await decodeFrame(read, tilted, { effort: 'hard' });
    expect(codes.map((c) => c.text)).toEqual([']E09780140013993']);
  });

  it('finds nothing in a blank frame', async () => {
    const read = await loadBarcodeReader();
    expect(await decodeFrame(read, compose(320, 240, []), { effort: 'hard' })).toEqual([]);
  });
});

describe('image files', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qcs-barcode-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes JPEG, PNG and WebP to upright RGBA, then reads them', async () => {
    const symbol = await renderSymbol('(01)09501101020917(10)ABC', 'DataMatrix', {
      gs1: true,
      module: 6,
    });
    const image = compose(400, 300, [{ image: symbol, x: 80, y: 60 }]);
    for (const as of ['png', 'jpeg', 'webp'] as const) {
      const file = join(dir, `dm.${as}`);
      writeFileSync(file, await encodeImage(image, as));
      const rgba = await readImageRgba(file);
      expect([rgba.width, rgba.height, rgba.data.length]).toEqual([400, 300, 400 * 300 * 4]);
      const { codes, width } = await decodeImageFile(file);
      expect(width).toBe(400);
      expect(codes.map((c) => c.text)).toEqual([']d2010950110102091710ABC']);
    }
  });

  it('restricts the formats when asked', async () => {
    const file = join(dir, 'ean.png');
    writeFileSync(
      file,
      await encodeImage(
        compose(400, 300, [{ image: await renderSymbol('5449000039231', 'EAN13'), x: 40, y: 40 }]),
      ),
    );
    expect((await decodeImageFile(file, { formats: ['QRCode'] })).codes).toEqual([]);
    expect((await decodeImageFile(file, { formats: ['EAN-13'] })).codes).toHaveLength(1);
  });

  it('says why a file cannot be read', async () => {
    const garbage = join(dir, 'garbage.jpg');
    writeFileSync(garbage, 'not a picture at all');
    const truncated = join(dir, 'truncated.png');
    writeFileSync(truncated, (await encodeImage(compose(200, 200, []))).subarray(0, 60));
    await expect(readImageRgba(join(dir, 'missing.png'))).rejects.toThrow('no such file');
    await expect(readImageRgba(dir)).rejects.toThrow('is a directory');
    await expect(readImageRgba(garbage)).rejects.toThrow(/not a readable image/);
    await expect(readImageRgba(truncated)).rejects.toBeInstanceOf(ImageReadError);
  });
});
