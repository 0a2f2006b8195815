import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../paths';
import { tempDir } from '../test-support/temp-dir';
import { PhotoStore } from '../vision/photo-store';
import { phoneJpeg, testJpeg } from '../vision/test-images.test-helper';
import { renderEvidencePack, type EvidencePackData } from './evidence-pack';
import { MISSING_GLYPH } from './pdf-document';

const DECISION_HASH = 'c0ffee11'.repeat(8);
const STARTED_HASH = '5a1e5a1e'.repeat(8);

function poppler(tool: 'pdfinfo' | 'pdftotext' | 'pdftoppm' | 'pdfimages', args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1]);
}

function pageText(file: string, page: number): string {
  return poppler('pdftotext', ['-layout', '-f', `${page}`, '-l', `${page}`, file, '-']);
}

/** A rejected lot: 8 units, a seal failure (critical) on unit 3, a temperature out of range (major) on unit 5. */
function packData(photos: { seal: string; label: string; temp: string }): EvidencePackData {
  const checks = [
    {
      checkId: 'seal',
      label: 'Seal intact',
      labelZh: '封口完好',
      defectClass: 'critical' as const,
      kind: 'pass-fail',
    },
    {
      checkId: 'temp',
      label: 'Cold-chain temperature',
      labelZh: '冷链温度',
      defectClass: 'major' as const,
      kind: 'numeric',
      unit: '°C',
      lower: 0,
      upper: 6,
    },
    {
      checkId: 'label',
      label: 'Label legible',
      labelZh: '标签清晰',
      defectClass: 'minor' as const,
      kind: 'pass-fail',
    },
  ];
  const units = Array.from({ length: 8 }, (_, i) => {
    const unitNo = i + 1;
    const sealFailed = unitNo === 3;
    const tempFailed = unitNo === 5;
    return {
      unitNo,
      unitCode: unitNo === 3 ? '(01)06901234567892(21)S0003' : null,
      results: [
        {
          checkId: 'seal',
          passed: !sealFailed,
          ...(sealFailed ? { note: 'Inner foil seal torn at the corner 内封铝箔撕裂' } : {}),
        },
        { checkId: 'temp', passed: !tempFailed, readings: tempFailed ? [8.4, 8.9] : [3.1, 3.4] },
        { checkId: 'label', passed: true },
      ],
      defective: { critical: sealFailed, major: tempFailed, minor: false },
      photos: sealFailed ? [photos.seal, photos.label] : tempFailed ? [photos.temp] : [],
    };
  });
  return {
    stationId: 'ST-DOCK-03',
    generatedAt: '2026-11-28T08:30:00.000Z',
    delivery: {
      number: 'ASN-2026-11-0042',
      expectedDate: '2026-11-28',
      supplierName: 'Golden Harvest Dairy 金禾乳业',
      supplierCode: 'SUP-GH01',
    },
    lot: {
      lotId: 'lot-0042-1',
      gtin: '06901234567892',
      productName: 'Fresh milk 950 ml',
      productNameZh: '鲜牛奶 950毫升',
      brand: 'Golden Harvest',
      lotCode: 'L261120A',
      quantity: 480,
      receivedOn: '2026-11-28',
      production: '2026-11-20',
      expiry: '2026-12-04',
      bestBefore: null,
    },
    inspection: {
      inspectionId: 'insp-0042-1',
      inspectorName: 'Li Wei 李伟 (u-insp-1)',
      templateName: 'Chilled dairy 低温乳品',
      startedOn: '2026-11-28',
      completedOn: '2026-11-28',
      severity: 'normal',
      plan: {
        lotSize: 480,
        level: 'II',
        severity: 'normal',
        codeLetter: 'H',
        sampleSize: 50,
        inspectAll: false,
        classes: {
          critical: { aql: null, sampleSize: 50, accept: 0, reject: 1 },
          major: { aql: 1, sampleSize: 50, accept: 1, reject: 2 },
          minor: { aql: 2.5, sampleSize: 50, accept: 3, reject: 4 },
        },
      },
      seed: '7f3a9c21e4b05d68',
      cartonCount: 40,
      cartons: [3, 7, 12, 18, 25, 31, 36, 39],
      forced: null,
      sampleSize: 50,
      unitsInspected: 8,
      counts: { critical: 1, major: 1, minor: 0 },
      proposal: 'reject',
      reasons: ['Critical: 1 defective unit ≥ Re 1 (zero tolerance)'],
      counterfeitSuspected: false,
      checks,
      units,
    },
    decision: {
      decision: 'reject',
      reason: 'Critical defect: inner seal broken on a sampled unit',
      decidedOn: '2026-11-28',
      proposal: 'reject',
      conditional: false,
      override: false,
      decidedBy: 'Li Wei 李伟 (u-insp-1)',
      signOff: {
        userId: 'u-mgr-1',
        name: 'Zhang Min 张敏',
        meaning: 'Approved the rejection and the return to the supplier',
        at: '2026-11-28T08:12:00.000Z',
      },
      seq: 48213,
      hash: DECISION_HASH,
    },
    photos: [
      { sha256: photos.seal, unitNo: 3, checkId: null, note: null },
      { sha256: photos.label, unitNo: 3, checkId: 'seal', note: null },
      { sha256: photos.temp, unitNo: 5, checkId: null, note: null },
    ],
    logReferences: [
      {
        seq: 48190,
        hash: STARTED_HASH,
        type: 'inspection.started',
        recordedAt: '2026-11-28T07:40:00.000Z',
        detail: null,
      },
      {
        seq: 48213,
        hash: DECISION_HASH,
        type: 'lot.decided',
        recordedAt: '2026-11-28T08:12:00.000Z',
        detail: 'reject',
      },
    ],
  };
}

describe('renderEvidencePack', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: PhotoStore;
  let data: EvidencePackData;
  let file: string;
  let shas: string[];

  beforeAll(async () => {
    dir = tempDir();
    store = new PhotoStore(dir.path);
    const seal = await store.put(
      await phoneJpeg({ width: 4000, height: 3000, background: { r: 190, g: 30, b: 30 } }),
    );
    const label = await store.put(
      await phoneJpeg({ width: 3000, height: 4000, background: { r: 30, g: 150, b: 60 } }),
    );
    const temp = await store.put(
      await testJpeg({ width: 1600, height: 1200, background: { r: 240, g: 200, b: 20 } }),
    );
    shas = [seal.sha256, label.sha256, temp.sha256];
    data = packData({ seal: seal.sha256, label: label.sha256, temp: temp.sha256 });
    file = join(dir.path, 'pack.pdf');
    writeFileSync(file, await renderEvidencePack(data, store));
    return () => dir.cleanup();
  });

  it('is an A4 PDF: the report pages, then one appendix page per photo', () => {
    const info = poppler('pdfinfo', [file]);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < 3; i += 1) {
      const text = pageText(file, pages - 2 + i);
      expect(text).toContain(`Appendix: photo P${i + 1}`);
      expect(text.replace(/\s/g, '')).toContain(shas[i]);
      expect(text).toContain(`Page ${pages - 2 + i} of ${pages}`);
    }
  });

  it('prints the delivery, lot, plan, counts, decision, sign-off and log references', () => {
    const text = poppler('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' ');
    for (const expected of [
      'Evidence pack',
      '检验证据包',
      'Decision 判定: Rejected 拒收',
      'ASN-2026-11-0042',
      'Golden Harvest Dairy 金禾乳业 (SUP-GH01)',
      '06901234567892',
      '鲜牛奶 950毫升',
      'L261120A',
      '480 units',
      '2026-12-04',
      'Chilled dairy 低温乳品',
      'Normal 正常',
      'Code letter',
      '7f3a9c21e4b05d68',
      '3, 7, 12, 18, 25, 31, 36, 39 (8 of 40 cartons',
      'zero 零容忍',
      'Reject (≥ Re) 拒收',
      'Critical: 1 defective unit ≥ Re 1 (zero tolerance)',
      'Critical defect: inner seal broken on a sampled unit',
      'Zhang Min 张敏 (u-mgr-1)',
      'Approved the rejection and the return to the supplier',
      'Seal intact 封口完好',
      'Cold-chain temperature 冷链温度',
      '0–6 °C',
      '8.4 / 8.9 °C',
      'Inner foil seal torn at the corner',
      'Inspection started',
      '48190',
      '48213',
      'Unit 单件 3 (failed 不合格: Seal intact 封口完好)',
      'Check 检验项目: Seal intact 封口完好',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const compact = text.replace(/\s/g, '');
    expect(compact).toContain(DECISION_HASH);
    expect(compact).toContain(STARTED_HASH);
    expect(text).not.toContain(MISSING_GLYPH);
    // The sampling plan: level II, letter H, n = 50, Ac/Re per class, all on one table.
    expect(text).toMatch(/Major 严重 1 50 1 2 1/);
    expect(text).toMatch(/Minor 轻微 2\.5 50 3 4 0/);
  });

  it('marks failed cells with their defect class', () => {
    const text = poppler('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('× CR 致命');
    expect(text).toContain('× MA 严重');
    expect(text).not.toContain('× MI');
  });

  it('embeds each photo as the stored JPEG: its hash is the one printed', () => {
    const list = poppler('pdfimages', ['-list', file]);
    // Three thumbnails on the results pages and three full photos in the appendix, all JPEG.
    const images = list.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
    expect(images).toHaveLength(6);
    for (const line of images) expect(line).toMatch(/\bjpeg\b/);
    const out = join(dir.path, 'img');
    mkdirSync(out);
    poppler('pdfimages', ['-all', file, join(out, 'p')]);
    const extracted = readdirSync(out).map((f) =>
      createHash('sha256')
        .update(readFileSync(join(out, f)))
        .digest('hex'),
    );
    for (const sha of shas) expect(extracted).toContain(sha);
  });

  it('renders page 1 and a photo page to PNG (test-results/evidence-pack-*.png, to look at)', () => {
    const results = join(appRoot(), 'test-results');
    mkdirSync(results, { recursive: true });
    const pages = pageCount(file);
    const first = join(results, 'evidence-pack-page1');
    const photo = join(results, 'evidence-pack-photo');
    poppler('pdftoppm', ['-r', '70', '-f', '1', '-l', '1', '-png', '-singlefile', file, first]);
    poppler('pdftoppm', [
      '-r',
      '70',
      '-f',
      `${pages - 2}`,
      '-l',
      `${pages - 2}`,
      '-png',
      '-singlefile',
      file,
      photo,
    ]);
    expect(statSync(`${first}.png`).size).toBeGreaterThan(20_000);
    expect(statSync(`${photo}.png`).size).toBeGreaterThan(10_000);
    const results2 = join(results, 'evidence-pack-results');
    poppler('pdftoppm', ['-r', '70', '-f', '2', '-l', '2', '-png', '-singlefile', file, results2]);
    writeFileSync(join(results, 'evidence-pack.pdf'), readFileSync(file));
  });

  it('prints a missing or damaged photo as such instead of a picture', async () => {
    const local = tempDir();
    try {
      const other = new PhotoStore(local.path);
      const kept = await other.put(await testJpeg());
      const damaged = await other.put(await testJpeg({ background: { r: 1, g: 2, b: 3 } }));
      const bytes = readFileSync(other.path(damaged.sha256));
      bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
      writeFileSync(other.path(damaged.sha256), bytes);
      const missing = 'ab'.repeat(32);
      const pdf = join(local.path, 'p.pdf');
      writeFileSync(
        pdf,
        await renderEvidencePack(
          packData({ seal: kept.sha256, label: damaged.sha256, temp: missing }),
          other,
        ),
      );
      const text = poppler('pdftotext', [pdf, '-']);
      expect(text).toContain('Photo not on this station');
      expect(text).toContain('Photo damaged');
      const images = poppler('pdfimages', ['-list', pdf])
        .split('\n')
        .filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
      expect(images).toHaveLength(2);
    } finally {
      local.cleanup();
    }
  });

  it('prints a lot recorded as a summary, with no photos and no decision', async () => {
    const local = tempDir();
    try {
      const full = packData({ seal: shas[0] ?? '', label: shas[1] ?? '', temp: shas[2] ?? '' });
      const inspection = full.inspection;
      if (!inspection) throw new Error('fixture has an inspection');
      const summary: EvidencePackData = {
        ...full,
        inspection: {
          ...inspection,
          plan: null,
          seed: null,
          cartons: [],
          cartonCount: null,
          units: [],
          checks: [],
          proposal: null,
          reasons: [],
        },
        decision: null,
        photos: [],
      };
      const pdf = join(local.path, 'summary.pdf');
      writeFileSync(pdf, await renderEvidencePack(summary, store));
      const text = poppler('pdftotext', [pdf, '-']);
      expect(text).toContain('recorded as a summary');
      expect(text).toContain('Not decided yet');
      expect(text).toContain('No photos were taken for this lot.');
      expect(text).not.toContain('Appendix');
    } finally {
      local.cleanup();
    }
  });
});
