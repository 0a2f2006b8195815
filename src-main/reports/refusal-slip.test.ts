import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../paths';
import { tempDir } from '../test-support/temp-dir';
import { MISSING_GLYPH } from './pdf-document';
import { renderRefusalSlip, type RefusalSlipData } from './refusal-slip';

const HASH = '9f2c4e1ab37d05c8e6f41a29d0b7c3e85a16f92d4c08b7e3a95d2f61c0e4b7a8';

const SLIP: RefusalSlipData = {
  stationId: 'ST-DOCK-03',
  deliveryNumber: 'ASN-2026-11-0042',
  supplierCode: 'SUP-GH01',
  supplierName: 'Golden Harvest Trading 金禾贸易',
  standing: 'blacklisted',
  reason: 'Supplier is blacklisted by head office after counterfeit goods were found.',
  reasonZh: '因发现假冒商品，该供应商已被总部列入黑名单。',
  refusedAt: '2026-11-28T06:05:00.000Z',
  inspectorName: 'Li Wei 李伟',
  eventSeq: 48213,
  eventHash: HASH,
  lines: [
    {
      gtin: '16920001000018',
      description: '五常大米 Wuchang rice 5 kg',
      quantity: 120,
      unit: 'CS',
    },
    {
      gtin: '06901234567892',
      description: '金龙鱼 花生油 Peanut oil 1.8 L',
      quantity: 48,
      unit: 'CS',
    },
    { gtin: '06954321000125', description: 'Dried shiitake 香菇 250 g', quantity: 300, unit: 'EA' },
  ],
};

/** poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) reads the PDF as a viewer would. */
function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext' | 'pdftoppm', args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

describe('renderRefusalSlip', () => {
  let pdf: Buffer;
  let file: string;

  beforeAll(async () => {
    pdf = await renderRefusalSlip(SLIP);
    const dir = tempDir();
    file = join(dir.path, 'slip.pdf');
    writeFileSync(file, pdf);
    return () => dir.cleanup();
  });

  it('is a one-page A4 PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = poppler('pdfinfo', [file]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    // A4 is 595.28 x 841.89 pt; pdfinfo names it.
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    // The font travels inside the PDF: nothing depends on fonts installed where it is opened.
    const fonts = poppler('pdffonts', [file]);
    expect(fonts).toMatch(/NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('carries the delivery, the supplier in Chinese, the reasons and the log reference as text', () => {
    const text = poppler('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Delivery refused');
    expect(text).toContain('拒收通知');
    expect(text).toContain(SLIP.deliveryNumber);
    expect(text).toContain('金禾贸易');
    expect(text).toContain('Golden Harvest Trading');
    expect(text).toContain('Blacklisted 黑名单');
    expect(text).toContain(SLIP.reason);
    expect(text).toContain(SLIP.reasonZh);
    expect(text).toContain('16920001000018');
    expect(text).toContain('金龙鱼 花生油');
    expect(text).toContain('Li Wei 李伟');
    expect(text).toContain('48213');
    expect(text.replace(/\s/g, '')).toContain(HASH);
    expect(text).toContain('Driver 司机签名');
    expect(text).toContain('Page 1 of 1');
  });

  it('renders its Chinese glyphs (page 1 written to test-results/refusal-slip.png to look at)', () => {
    const out = join(appRoot(), 'test-results');
    mkdirSync(out, { recursive: true });
    const png = join(out, 'refusal-slip');
    poppler('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', '-singlefile', file, png]);
    expect(statSync(`${png}.png`).size).toBeGreaterThan(10_000);
    // Text is drawn from the glyph the font maps each character to, and the text layer says
    // which character that was: a character the font lacked would print as an empty glyph (or
    // the report's MISSING_GLYPH box) and could not come back here as itself.
    const text = poppler('pdftotext', [file, '-']);
    expect(text).not.toContain(MISSING_GLYPH);
    const hanzi = [
      ...`${SLIP.supplierName}${SLIP.reasonZh}${SLIP.inspectorName}拒收通知黑名单司机签名`,
    ];
    for (const ch of new Set(hanzi.filter((c) => /\p{Script=Han}/u.test(c)))) {
      expect(text, ch).toContain(ch);
    }
  });

  it('prints a suspended supplier and a delivery announced without lines', async () => {
    const dir = tempDir();
    try {
      const other = join(dir.path, 'suspended.pdf');
      writeFileSync(other, await renderRefusalSlip({ ...SLIP, standing: 'suspended', lines: [] }));
      const text = poppler('pdftotext', [other, '-']);
      expect(text).toContain('Suspended 暂停供货');
      expect(text).toContain('No lines were announced for this delivery.');
      expect(text).not.toContain('Description 品名');
    } finally {
      dir.cleanup();
    }
  });

  it('breaks a long delivery across pages, repeating the table header', async () => {
    const gtins = Array.from({ length: 80 }, (_, i) => `0690123456${String(i).padStart(4, '0')}`);
    const long = await renderRefusalSlip({
      ...SLIP,
      lines: gtins.map((gtin, i) => ({
        gtin,
        description: `商品 ${i + 1} Item ${i + 1}`,
        quantity: i + 1,
        unit: 'CS',
      })),
    });
    const dir = tempDir();
    try {
      const longFile = join(dir.path, 'long.pdf');
      writeFileSync(longFile, long);
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [longFile]))?.[1]);
      expect(pages).toBeGreaterThan(1);
      let rows = 0;
      for (let page = 1; page <= pages; page += 1) {
        const text = poppler('pdftotext', ['-f', `${page}`, '-l', `${page}`, longFile, '-']);
        const onPage = gtins.filter((g) => text.includes(g)).length;
        // Every page the table continues on starts with its header again.
        if (onPage > 0) expect(text, `page ${page}`).toContain('Description 品名');
        rows += onPage;
        expect(text).toContain(`Page ${page} of ${pages}`);
      }
      expect(rows).toBe(gtins.length);
    } finally {
      dir.cleanup();
    }
  });
});
