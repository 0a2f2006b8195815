import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcePath } from '../paths';
import { tempDir } from '../test-support/temp-dir';
import {
  FONT_FILE,
  fontCoverage,
  formatLocalTime,
  MISSING_GLYPH,
  ReportDocument,
} from './pdf-document';

/** Every hanzi of GB 2312 (rows 16-87), decoded from its two-byte codes. */
function gb2312Hanzi(): string[] {
  // WHATWG decodes 'gb2312' as GBK, which also fills the five cells GB 2312 leaves empty at the
  // end of row 55 (0xD7FA-0xD7FE); they are not GB 2312 characters.
  const decoder = new TextDecoder('gb2312', { fatal: true });
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row += 1) {
    const lastCell = row === 0xd7 ? 0xf9 : 0xfe;
    for (let cell = 0xa1; cell <= lastCell; cell += 1) {
      out.push(decoder.decode(Uint8Array.from([row, cell])));
    }
  }
  return out;
}

describe('the report font', () => {
  const file = resourcePath('fonts', FONT_FILE);
  const covered = fontCoverage(readFileSync(file));
  const has = (ch: string) => covered.has(ch.codePointAt(0) ?? -1);

  it('is a subset of a few MB, shipped with its licence', () => {
    expect(statSync(file).size).toBeLessThan(4_000_000);
    expect(readFileSync(resourcePath('fonts', 'OFL.txt'), 'utf8')).toContain(
      'SIL OPEN FONT LICENSE Version 1.1',
    );
  });

  it('covers ASCII, Latin-1, common punctuation and all 6,763 GB 2312 hanzi', () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    expect(hanzi.filter((ch) => !has(ch))).toEqual([]);
    for (let c = 0x20; c <= 0x7e; c += 1) expect(covered.has(c), `U+${c.toString(16)}`).toBe(true);
    for (let c = 0xa0; c <= 0xff; c += 1) expect(covered.has(c), `U+${c.toString(16)}`).toBe(true);
    for (const ch of '，。、：；！？（）《》「」【】—…“”‘’·℃€￥×°±□')
      expect(has(ch), ch).toBe(true);
    // Outside GB 2312: printed as a box, never silently dropped (see MISSING_GLYPH).
    expect(has('堃')).toBe(false);
  });
});

describe('ReportDocument', () => {
  it('prints characters the font lacks as a visible box and reports them', async () => {
    const report = new ReportDocument({ title: 't', author: 'a', footer: 'f' });
    expect(report.printable('金禾贸易 Golden\nHarvest')).toBe('金禾贸易 Golden\nHarvest');
    report.paragraph('王堃 Trading 😀 Ltd');
    expect(report.missingCharacters).toEqual(['堃', '😀']);
    const dir = tempDir();
    try {
      const pdf = join(dir.path, 'r.pdf');
      writeFileSync(pdf, await report.finish());
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(`王${MISSING_GLYPH} Trading ${MISSING_GLYPH} Ltd`);
    } finally {
      dir.cleanup();
    }
  });

  it('numbers every page in the footer once the page count is known', async () => {
    const report = new ReportDocument({ title: 't', author: 'a', footer: 'Evidence pack EP-7' });
    report.table(
      [
        { header: 'Lot 批号', width: 1 },
        { header: 'Qty 数量', width: 1, align: 'right' },
      ],
      Array.from({ length: 120 }, (_, i) => [`L${i}`, String(i)]),
    );
    const dir = tempDir();
    try {
      const pdf = join(dir.path, 'r.pdf');
      writeFileSync(pdf, await report.finish());
      const pages = Number(
        /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1],
      );
      expect(pages).toBeGreaterThan(1);
      for (let page = 1; page <= pages; page += 1) {
        const text = execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, pdf, '-'], {
          encoding: 'utf8',
        });
        expect(text).toContain('Evidence pack EP-7');
        expect(text).toContain(`Page ${page} of ${pages}`);
        expect(text).toContain('Lot 批号');
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe('formatLocalTime', () => {
  it('prints the local wall-clock time with its UTC offset', () => {
    expect(formatLocalTime('2026-11-28T06:05:00.000Z')).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/,
    );
    expect(formatLocalTime('not a time')).toBe('not a time');
  });
});
