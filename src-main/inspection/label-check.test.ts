/**
 * "Label matches barcode" through the station: a label photo read by the real OCR process
 * against the unit's barcode and the SKU's brand.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelCheckResult } from '../../src-shared/api/domain-inspection';
import { caseGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';

const TODAY = '2026-11-25';
let dir: ReturnType<typeof tempDir>;
let station: Station;
let now = Date.parse(`${TODAY}T09:00:00`);
let inspectionId = '';
let photo = '';
const CASHEWS = caseGtin('692000300001');
const ctx = { clientId: 'label-check', transport: 'test' } as const;

async function labelPhoto(lines: string[]): Promise<Buffer> {
  const text = lines
    .map(
      (l, i) =>
        `<text x="40" y="${90 + i * 80}" font-size="52" font-family="Noto Sans CJK SC, DejaVu Sans, sans-serif">${l}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${120 + lines.length * 80}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = (await station.registry.dispatch(name, input, ctx)) as {
    ok: boolean;
    value: T;
    error: { message: string };
  };
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  dir = tempDir();
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    validateOutput: true,
    clock: () => now,
    ocr: { warmUpAfterMs: 0 },
  });
  station.sessions.signIn(ctx.clientId, {
    userId: 'usr-inspector-1',
    name: 'Li Wei',
    role: 'inspector',
  });
  const scan = (data: string) => {
    now += 1000;
    return station.scans.submit({ data, source: 'wedge', device: 'w', actor: 'usr-inspector-1' });
  };
  scan(`]C100${demoSscc(102)}`);
  const lotId = scan(`]C101${CASHEWS}17270630${'10'}CF77\x1d21A1`).lotId ?? '';
  inspectionId = (await call<{ inspectionId: string }>('inspection.start', { lotId })).inspectionId;
  const jpeg = await labelPhoto([
    'CRUNCH FOX',
    'Salted Cashews 180 g',
    'EXP 2027-06-30',
    'LOT CF77',
  ]);
  photo = (await call<{ sha256: string }>('photos.upload', { base64: jpeg.toString('base64') }))
    .sha256;
}, 60_000);
afterAll(() => {
  station?.close();
  dir?.cleanup();
});

describe('label matches barcode', () => {
  it("agrees with the lot's own barcode data and the SKU's brand", async () => {
    const r = await call<LabelCheckResult>('inspection.labelCheck', { inspectionId, photo });
    expect(r.label).toMatchObject({ expiry: '2027-06-30', lot: 'CF77' });
    expect(r.barcode).toEqual({ expiry: '2027-06-30', lot: 'CF77', source: 'lot' });
    expect(r.matches).toBe(true);
    expect(r.agreed).toEqual(['expiry 2027-06-30', 'lot CF77', 'brand Crunch Fox']);
  }, 60_000);

  it('reports a unit whose barcode differs from its label, with both values', async () => {
    const r = await call<LabelCheckResult>('inspection.labelCheck', {
      inspectionId,
      photo,
      unitCode: `]C101${CASHEWS}17270930${'10'}CF78`,
    });
    expect(r.matches).toBe(false);
    expect(r.mismatches.map((m) => m.text.en)).toEqual([
      'Label/barcode mismatch: the label says expiry 2027-06-30, the barcode 2027-09-30.',
      'Label/barcode mismatch: the label says lot CF77, the barcode CF78.',
    ]);
  }, 60_000);

  it('refuses a unit code that is not a product barcode', async () => {
    await expect(
      call('inspection.labelCheck', { inspectionId, photo, unitCode: 'hello' }),
    ).rejects.toThrow(/not a product barcode/);
  });
});
