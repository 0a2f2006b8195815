import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStation, type Station } from '../station';
import { DECIDED_LOT_DAY, recordDecidedLot } from '../test-support/decided-lot';
import { tempDir } from '../test-support/temp-dir';
import { testJpeg } from '../vision/test-images.test-helper';
import { renderEvidencePack } from './evidence-pack';
import { evidencePackData } from './evidence-pack-data';

const TODAY = DECIDED_LOT_DAY;
const MANAGER = 'usr-manager-1';

let dir: ReturnType<typeof tempDir>;
let station: Station;
let lotId: string;
let photo: string;

/** The decided lot of test-support/decided-lot.ts, in a demo delivery. */
beforeAll(async () => {
  dir = tempDir();
  const now = Date.parse(`${TODAY}T09:00:00`);
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    validateOutput: true,
  });
  const base = station.repos.lots.recent(undefined, 1)[0];
  if (!base) throw new Error('the demo has lots');
  photo = (await station.photos.put(await testJpeg({ width: 1200, height: 900 }))).sha256;
  lotId = 'lot-evidence-1';
  recordDecidedLot(
    station,
    {
      lotId,
      inspectionId: 'insp-evidence-1',
      deliveryId: base.delivery_id,
      gtin: base.gtin,
      lot: 'EVID-001',
      photo,
    },
    now,
  );
});
afterAll(() => {
  station.close();
  dir.cleanup();
});

describe('evidencePackData', () => {
  it('gathers the lot, its inspection, units, decision, photos and log references', () => {
    const data = evidencePackData(station.repos, lotId, {
      stationId: station.stationId,
      now: new Date(`${TODAY}T10:00:00Z`),
    });
    expect(data.stationId).toBe(station.stationId);
    expect(data.generatedAt).toBe(`${TODAY}T10:00:00.000Z`);
    expect(data.lot).toMatchObject({ lotId, lotCode: 'EVID-001', quantity: 300 });
    expect(data.lot.productName).not.toBeNull();
    expect(data.delivery.supplierName.length).toBeGreaterThan(0);

    const inspection = data.inspection;
    expect(inspection).toMatchObject({
      inspectionId: 'insp-evidence-1',
      templateName: 'Evidence test dairy 证据测试乳品',
      seed: 'seed-0042',
      cartons: [4, 9, 17],
      cartonCount: 25,
      forced: 'spot-check',
      counts: { critical: 1, major: 0, minor: 0 },
      proposal: 'reject',
      reasons: ['1 critical defective unit: zero tolerance'],
    });
    expect(inspection?.inspectorName).toBe('Li Wei 李伟 (usr-inspector-1)');
    expect(inspection?.plan?.classes.major).toEqual({
      aql: 1,
      sampleSize: 50,
      accept: 1,
      reject: 2,
    });
    expect(inspection?.checks.map((c) => [c.checkId, c.defectClass])).toEqual([
      ['seal', 'critical'],
      ['temp', 'major'],
    ]);
    expect(inspection?.units.map((u) => u.unitNo)).toEqual([1, 2, 3]);
    expect(inspection?.units[1]).toMatchObject({
      photos: [photo],
      defective: { critical: true, major: false, minor: false },
    });

    expect(data.decision).toMatchObject({
      decision: 'reject',
      reason: 'Broken seal on unit 2',
      proposal: 'reject',
      override: false,
      decidedBy: 'Li Wei 李伟 (usr-inspector-1)',
      signOff: { userId: MANAGER, name: 'Chen Jing 陈静', meaning: 'Confirmed the rejection' },
    });
    expect(data.photos).toEqual([{ sha256: photo, unitNo: 2, checkId: null, note: null }]);

    // Every event about the lot or its inspection, in log order, with the hash the log holds.
    expect(data.logReferences.map((r) => [r.type, r.detail])).toEqual([
      ['lot.received', null],
      ['inspection.started', null],
      ['inspection.unit-recorded', 'unit 1'],
      ['inspection.unit-recorded', 'unit 2'],
      ['inspection.unit-recorded', 'unit 3'],
      ['inspection.completed', null],
      ['lot.decided', 'reject'],
    ]);
    const decided = data.logReferences.at(-1);
    expect(decided?.seq).toBe(data.decision?.seq);
    expect(decided?.hash).toBe(data.decision?.hash);
    expect(decided?.hash).toBe(station.repos.events.recent((decided?.seq ?? 0) + 1, 1)[0]?.hash);
  });

  it('renders the gathered pack with the photo from the station store', async () => {
    const data = evidencePackData(station.repos, lotId, { stationId: station.stationId });
    const file = join(dir.path, 'pack.pdf');
    writeFileSync(file, await renderEvidencePack(data, station.photos));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Weekly spot check');
    expect(text).toContain('Chen Jing 陈静');
    expect(text).toContain('Appendix: photo P1');
    expect(text.replace(/\s/g, '')).toContain(photo);
  });

  it('gives a pack for a demo lot recorded as a summary', () => {
    const rejected = station.repos.lots.recent('rejected', 50).find((l) => l.lot_id !== lotId);
    if (!rejected) throw new Error('the demo has a rejected lot');
    const data = evidencePackData(station.repos, rejected.lot_id, { stationId: 'ST-X' });
    expect(data.inspection).toMatchObject({ plan: null, units: [], cartons: [] });
    expect(data.decision?.decision).toBe('reject');
    expect(data.decision?.signOff).toBeNull();
    // Other facts about the lot (a confirmed counterfeit, a penalty) may follow in the demo.
    const types = data.logReferences.map((r) => r.type);
    expect(types.slice(0, 3)).toEqual(['lot.received', 'inspection.completed', 'lot.decided']);
    expect(data.logReferences.map((r) => r.seq)).toEqual(
      [...data.logReferences.map((r) => r.seq)].sort((a, b) => a - b),
    );
  });

  it('refuses an unknown lot', () => {
    expect(() => evidencePackData(station.repos, 'lot-nope', { stationId: 'ST-X' })).toThrow(
      /No lot with id lot-nope/,
    );
  });
});
