import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LotSummary } from '../../src-shared/api/domain-intake';
import type { TraceLotPage } from '../../src-shared/api/domain-trace';
import { caseGtin, unitGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { openStation, type Station } from '../station';
import { passingResults } from '../test-support/inspection-results';
import { tempDir } from '../test-support/temp-dir';

const TODAY = '2026-11-25';
let now = Date.parse(`${TODAY}T09:00:00`);
let dir: ReturnType<typeof tempDir>;
let station: Station;
const INSPECTOR = 'usr-inspector-1';
const CASHEWS = '692000300001';

beforeEach(() => {
  dir = tempDir();
  now = Date.parse(`${TODAY}T09:00:00`);
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    validateOutput: true,
  });
});
afterEach(() => {
  station.close();
  dir.cleanup();
});

const scan = (data: string) => {
  now += 1000;
  return station.scans.submit({ data, source: 'wedge', device: 'w', actor: INSPECTOR });
};
type Reply<T> = { ok: boolean; value: T; error: { code: string; message: string } };
const call = async <T>(name: string, input: unknown): Promise<T> => {
  station.sessions.signIn('screen', { userId: INSPECTOR, name: 'Li Wei', role: 'inspector' });
  const r = (await station.registry.dispatch(name, input, {
    clientId: 'screen',
    transport: 'test',
  })) as Reply<T>;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const search = async (kind: string, value: string, extra: object = {}) =>
  (await call<{ lots: LotSummary[] }>('trace.search', { kind, value, ...extra })).lots.map(
    (l) => l.lotId,
  );

/** Crunch Fox's delivery (pallet SSCC 102): 3 serialised cases of cashews in lot CF1, 1 of CF2. */
function receive(): { lotId: string; otherLotId: string } {
  scan(`]C100${demoSscc(102)}`);
  for (let i = 0; i < 3; i += 1) scan(`]C101${caseGtin(CASHEWS)}17270901${'10'}CF1\x1d21CF1-${i}`);
  scan(`]C101${caseGtin(CASHEWS)}17270901${'10'}CF2\x1d21CF2-0`);
  const lots = station.intake.active()?.lots ?? [];
  const lot = lots.find((l) => l.lot === 'CF1');
  const other = lots.find((l) => l.lot === 'CF2');
  if (!lot || !other) throw new Error('lots not received');
  return { lotId: lot.lotId, otherLotId: other.lotId };
}

/** Inspects a lot with one failed unit and its photo, and confirms the rejection. */
async function inspectAndReject(lotId: string): Promise<string> {
  const started = station.inspection.start(lotId, INSPECTOR);
  const template = station.inspection.templateOf(started);
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: '#c0392b' },
  })
    .jpeg()
    .toBuffer();
  const sha = (await station.photos.put(jpeg)).sha256;
  station.inspection.recordUnit(
    started.inspection_id,
    { unitCode: 'unit-1', results: passingResults(template, ['inner-seal']), photos: [sha] },
    INSPECTOR,
  );
  station.inspection.complete(started.inspection_id, INSPECTOR);
  await call('inspection.decide', { lotId, decision: 'reject' });
  return sha;
}

describe('trace', () => {
  it('finds a lot by each kind of query', async () => {
    const { lotId, otherLotId } = receive();
    await inspectAndReject(lotId);
    const delivery = station.repos.deliveries.bySscc(demoSscc(102));
    if (!delivery) throw new Error('no delivery');

    expect(await search('lot', 'cf1')).toEqual([lotId]);
    // Any packaging level of the SKU finds the lot (kept under the unit GTIN).
    expect(await search('gtin', caseGtin(CASHEWS))).toContain(lotId);
    expect(await search('gtin', unitGtin(CASHEWS).slice(1))).toContain(lotId);
    expect(await search('sscc', `(00)${demoSscc(102)}`)).toEqual([lotId, otherLotId]);
    expect(await search('serial', 'CF1-2')).toEqual([lotId]);
    expect(await search('serial', 'CF2-0')).toEqual([otherLotId]);
    expect(await search('supplier', 'crunch fox')).toEqual(
      expect.arrayContaining([lotId, otherLotId]),
    );
    expect(await search('supplier', 'sup-crunchfox')).toContain(lotId);
    expect(await search('delivery', delivery.number)).toEqual([lotId, otherLotId]);
    // The demo's history was decided by the same inspector: newest first.
    expect((await search('inspector', 'Li Wei'))[0]).toBe(lotId);
    expect((await search('inspector', 'QCS-INSP-0001'))[0]).toBe(lotId);
    expect(await search('inspector', 'usr-manager-1')).not.toContain(lotId);
    expect(await search('dates', '', { from: TODAY, to: TODAY })).toEqual(
      expect.arrayContaining([lotId, otherLotId]),
    );
    expect(await search('dates', '', { from: '2020-01-01', to: '2020-01-31' })).toEqual([]);
    expect(await search('serial', 'NOPE')).toEqual([]);
    const cut = await call<{ lots: LotSummary[]; truncated: boolean }>('trace.search', {
      kind: 'delivery',
      value: delivery.number,
      limit: 1,
    });
    expect(cut).toMatchObject({ truncated: true, lots: [{ lotId }] });
  });

  it("builds a lot's page from its events, in log order, with photos and both languages", async () => {
    const { lotId, otherLotId } = receive();
    const sha = await inspectAndReject(lotId);
    const page = await call<TraceLotPage>('trace.lot', { lotId });

    expect(page.lot).toMatchObject({ lotId, lot: 'CF1', status: 'rejected', quantity: 60 });
    expect(page.supplier).toMatchObject({ supplierId: 'sup-crunchfox', standing: 'probation' });
    expect(page.delivery.ssccs).toEqual([demoSscc(102)]);
    expect(page.otherLots.map((l) => l.lotId)).toEqual([otherLotId]);
    expect(page.whereabouts).toMatchObject({ status: 'rejected', returnedUnits: 60 });

    const seqs = page.timeline.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const kinds = page.timeline.map((e) => e.kind);
    expect(kinds).toEqual([
      'received',
      'shelf-life',
      'scan',
      'inspection-started',
      'inspection-unit',
      'inspection-completed',
      'decided',
      'returned',
    ]);
    // Scans in a row are one entry: how many, the units they counted, the serials.
    const scans = page.timeline.filter((e) => e.kind === 'scan');
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ count: 3, units: 60 });
    expect(scans[0]?.lastSeq).toBeGreaterThan(scans[0]?.seq ?? 0);
    expect(scans[0]?.summary.en).toBe('3 scans counted 60 units, serials CF1-0 … CF1-2');
    expect(scans[0]?.summary.zh).toBe('扫描 3 次，计数 60 件，序列号 CF1-0 … CF1-2');
    const unit = page.timeline.find((e) => e.kind === 'inspection-unit');
    expect(unit?.photos).toEqual([sha]);
    expect(unit?.summary.en).toMatch(/Unit 1 \(unit-1\) recorded, 1 photo/);
    expect(unit?.summary.zh).toMatch(/照片 1 张/);
    const decided = page.timeline.find((e) => e.kind === 'decided');
    expect(decided?.summary).toMatchObject({
      en: expect.stringMatching(/Lot decision: reject/) as unknown,
      zh: expect.stringMatching(/批次判定：拒收/) as unknown,
    });
    expect(decided?.actorName).toBe('Li Wei 李伟');
    for (const e of page.timeline) {
      expect(e.summary.en).not.toBe(e.type);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    // The other lot's page holds none of this lot's inspection.
    const other = await call<TraceLotPage>('trace.lot', { lotId: otherLotId });
    expect(other.timeline.map((e) => e.kind)).toEqual(['received', 'shelf-life', 'scan']);
    expect(other.timeline[2]).toMatchObject({ count: 1, units: 20 });
    // A single scan reads as the inspector was told at the dock.
    expect(other.timeline[2]?.summary.en).toMatch(/^\+20 Salted Cashews 180 g lot CF2/);
    expect(other.timeline[2]?.summary.zh).toBe('扫描计数（wedge）：+20 件，序列号 CF2-0');

    station.sessions.signIn('screen', { userId: INSPECTOR, name: 'Li Wei', role: 'inspector' });
    const missing = (await station.registry.dispatch(
      'trace.lot',
      { lotId: 'lot-none' },
      { clientId: 'screen', transport: 'test' },
    )) as Reply<unknown>;
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("opens a returned item's lot from its barcode", async () => {
    const { lotId, otherLotId } = receive();
    const fromScan = async (data: string) =>
      (await call<{ lotIds: string[] }>('trace.fromScan', { data })).lotIds;
    // GTIN (any level) + lot, with or without an AIM identifier, brackets or a Digital Link.
    expect(await fromScan(`]C101${caseGtin(CASHEWS)}10CF1`)).toEqual([lotId]);
    expect(await fromScan(`(01)${unitGtin(CASHEWS)}(10)CF2`)).toEqual([otherLotId]);
    expect(await fromScan(`https://id.gs1.org/01/${caseGtin(CASHEWS)}/10/CF1`)).toEqual([lotId]);
    // A serial alone: the scan that counted it names the lot.
    expect(await fromScan(`]C101${caseGtin(CASHEWS)}21CF1-1`)).toEqual([lotId]);
    expect(await fromScan('CF2-0')).toEqual([otherLotId]);
    // The pallet's SSCC opens every lot of its delivery.
    expect(await fromScan(`]C100${demoSscc(102)}`)).toEqual([lotId, otherLotId]);
    expect(await fromScan(`]C101${caseGtin(CASHEWS)}10NOLOT`)).toEqual([]);
  });
});
