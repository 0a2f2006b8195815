import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStation, type Station } from '../station';
import { DECIDED_LOT_DAY, recordDecidedLot } from '../test-support/decided-lot';
import { callAs, valueOf } from '../test-support/station-calls';
import { tempDir } from '../test-support/temp-dir';
import { testJpeg } from '../vision/test-images.test-helper';
import { groupedHash } from './evidence-pack';

interface PdfReply {
  fileName: string;
  mimeType: string;
  base64: string;
}

let dir: ReturnType<typeof tempDir>;
let station: Station;
let deliveryId: string;
let deliveryNumber: string;
let photos: string[];

const poppler = (tool: 'pdfinfo' | 'pdftotext' | 'pdfimages', args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8' });

/** Writes a reply's PDF to disk and returns its path. */
function saved(reply: PdfReply, name: string): string {
  expect(reply.mimeType).toBe('application/pdf');
  const file = join(dir.path, name);
  writeFileSync(file, Buffer.from(reply.base64, 'base64'));
  return file;
}
const textOf = (file: string) =>
  poppler('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' ');
const pagesOf = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1]);
const imageLines = (file: string) =>
  poppler('pdfimages', ['-list', file])
    .split('\n')
    .filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
const eventOf = (lotId: string, type: string) => {
  const row = station.repos.events.recentOfType(`lot:${lotId}`, type, 1)[0];
  if (!row) throw new Error(`no ${type} for ${lotId}`);
  return row;
};

/** Two lots added to a demo delivery: one rejected with a photo, one inspected but undecided. */
beforeAll(async () => {
  dir = tempDir();
  const now = Date.parse(`${DECIDED_LOT_DAY}T09:00:00`);
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    validateOutput: true,
  });
  const base = station.repos.lots.recent(undefined, 1)[0];
  if (!base) throw new Error('the demo has lots');
  deliveryId = base.delivery_id;
  deliveryNumber = base.delivery_number;
  photos = [
    (await station.photos.put(await testJpeg({ width: 1200, height: 900 }))).sha256,
    (await station.photos.put(await testJpeg({ width: 900, height: 1200 }))).sha256,
  ];
  const lot = { deliveryId, gtin: base.gtin };
  recordDecidedLot(
    station,
    {
      ...lot,
      lotId: 'lot-cert-1',
      inspectionId: 'insp-cert-1',
      lot: 'CERT-001',
      photo: photos[0] ?? '',
    },
    now,
  );
  recordDecidedLot(
    station,
    {
      ...lot,
      lotId: 'lot-open-1',
      inspectionId: 'insp-open-1',
      lot: 'OPEN-001',
      photo: photos[1] ?? '',
      decide: false,
    },
    now,
  );
});
afterAll(() => {
  station.close();
  dir.cleanup();
});

describe('inspection.certificate', () => {
  it('prints the lot, plan, counts, decision, sign-offs, decisive log hashes and the station key on at most two pages', async () => {
    const reply = await valueOf(
      callAs<PdfReply>(station, 'inspector', 'inspection.certificate', { lotId: 'lot-cert-1' }),
    );
    expect(reply.fileName).toMatch(/^certificate-\d{14}-CERT-001\.pdf$/);
    const file = saved(reply, 'certificate.pdf');
    expect(pagesOf(file)).toBeLessThanOrEqual(2);
    const info = await valueOf(
      callAs<{ publicKeyFingerprint: string }>(station, 'inspector', 'system.info', {}),
    );
    const text = textOf(file);
    for (const expected of [
      'Inspection certificate',
      '检验证书',
      station.stationId,
      `Ed25519 ${info.publicKeyFingerprint}`,
      deliveryNumber,
      'CERT-001',
      'Decision 判定: Rejected 拒收',
      'Code letter',
      'Reject (≥ Re) 拒收',
      'Broken seal on unit 2',
      'Li Wei',
      'Chen Jing 陈静 (usr-manager-1)',
      'Confirmed the rejection',
      'Lot decided',
      'Inspection completed',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The plan as recorded: n = 50, Ac/Re per class, the defective units found.
    expect(text).toMatch(/Critical 致命 zero 零容忍 50 0 1 1/);
    expect(text).toMatch(/Major 严重 1 50 1 2 0/);
    // The decisive events by seq and hash; unit records are left to the evidence pack.
    for (const type of ['lot.decided', 'inspection.started', 'inspection.completed']) {
      const row = eventOf('lot-cert-1', type);
      expect(text, type).toContain(groupedHash(row.hash, 4).split('\n')[0]);
      expect(text, type).toMatch(
        new RegExp(`\\b${row.seq} ${type === 'lot.decided' ? 'Lot decided' : 'Inspection'}`),
      );
    }
    expect(text).not.toContain('Unit recorded');
    // A certificate carries no photos: they are in the evidence pack.
    expect(imageLines(file)).toHaveLength(0);
  });

  it('refuses a lot that is not decided yet, and an unknown lot', async () => {
    const open = await callAs(station, 'inspector', 'inspection.certificate', {
      lotId: 'lot-open-1',
    });
    expect(open).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(open.error.message).toMatch(/OPEN-001 .* has no decision yet/);
    const unknown = await callAs(station, 'inspector', 'inspection.certificate', {
      lotId: 'lot-nope',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('inspection.deliveryEvidencePack', () => {
  it("prints a summary of every lot's decision, then each lot's pages with its photos", async () => {
    const reply = await valueOf(
      callAs<PdfReply>(station, 'qc-manager', 'inspection.deliveryEvidencePack', { deliveryId }),
    );
    const file = saved(reply, 'delivery.pdf');
    const lots = station.repos.lots.ofDelivery(deliveryId);
    expect(lots.length).toBeGreaterThanOrEqual(3);

    const first = poppler('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-']);
    expect(first).toContain('Delivery evidence pack');
    expect(first).toContain(deliveryNumber);
    expect(first).toContain('Lots and decisions');
    for (const l of lots) expect(first, l.lot).toContain(l.lot);
    expect(first).toMatch(/CERT-001.*1\/0\/0\s+Rejected 拒收/);
    expect(first).toMatch(/OPEN-001.*Not decided 未判定/);

    const text = textOf(file);
    lots.forEach((l, i) => {
      expect(text).toContain(`Lot ${i + 1} of ${lots.length}: ${l.lot} (GTIN ${l.gtin})`);
    });
    expect(text).toContain('Broken seal on unit 2');
    expect(text).toContain('Appendix: photo P1');

    // Each photo twice (thumbnail and appendix page); the appendix embeds the stored JPEG itself.
    expect(imageLines(file).length).toBeGreaterThanOrEqual(2 * photos.length);
    const out = join(dir.path, 'delivery-images');
    mkdirSync(out);
    poppler('pdfimages', ['-all', file, join(out, 'p')]);
    const extracted = readdirSync(out).map((f) =>
      createHash('sha256')
        .update(readFileSync(join(out, f)))
        .digest('hex'),
    );
    for (const sha of photos) expect(extracted).toContain(sha);
  });

  it('refuses an unknown delivery', async () => {
    expect(
      await callAs(station, 'inspector', 'inspection.deliveryEvidencePack', {
        deliveryId: 'dlv-nope',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
