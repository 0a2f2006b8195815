import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, encodeImage, renderSymbol } from '../../vision/barcode-images.test-helper';
import { runCli } from '../../test-support/run-cli';

const GS = '\u001d';

describe('qcs vision decode', () => {
  let dir = '';
  let label = '';
  let retail = '';
  let blank = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qcs-vision-cli-'));
    label = join(dir, 'case label.png');
    retail = join(dir, 'retail.jpg');
    blank = join(dir, 'blank.webp');
    const gs1 = await renderSymbol('(01)09501101020917(10)ABC123(21)S1', 'Code128', {
      gs1: true,
      module: 2,
    });
    const dm = await renderSymbol('(01)09501101020917(17)271231(10)L7', 'DataMatrix', {
      gs1: true,
      module: 5,
    });
    writeFileSync(
      label,
      await encodeImage(
        compose(700, 500, [
          { image: gs1, x: 20, y: 20 },
          { image: dm, x: 450, y: 300 },
        ]),
      ),
    );
    const ean = await renderSymbol('5449000039231', 'EAN13', { module: 4 });
    writeFileSync(
      retail,
      await encodeImage(compose(600, 400, [{ image: ean, x: 60, y: 50 }]), 'jpeg'),
    );
    writeFileSync(blank, await encodeImage(compose(320, 240, []), 'webp'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line per file: format, plain text with GS, symbology identifier', () => {
    const r = runCli(['vision', 'decode', '--json', label, retail, blank]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      file: label,
      codes: [
        {
          format: 'Code128',
          text: `010950110102091710ABC123${GS}21S1`,
          symbologyIdentifier: ']C1',
        },
        {
          format: 'DataMatrix',
          text: '0109501101020917172712311' + '0L7',
          symbologyIdentifier: ']d2',
        },
      ],
    });
    // GS travels as the JSON escape: one file is always one line.
    expect(lines[0]).toContain('ABC123\\u001d21S1');
    expect(JSON.parse(lines[1] ?? '')).toEqual({
      file: retail,
      codes: [{ format: 'EAN-13', text: '5449000039231', symbologyIdentifier: ']E0' }],
    });
    expect(JSON.parse(lines[2] ?? '')).toEqual({ file: blank, codes: [] });
  });

  it('prints a readable line per file, GS shown as ⟨GS⟩', () => {
    const r = runCli(['vision', 'decode', label, blank]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `${label}: Code128 ]C1010950110102091710ABC123⟨GS⟩21S1; DataMatrix ]d201095011010209171727123110L7\n` +
        `${blank}: no barcode found\n`,
    );
  });

  it('looks only for the formats asked for', () => {
    const r = runCli(['vision', 'decode', '--json', '--formats', 'qr,ean-13', label, retail]);
    expect(r.status).toBe(0);
    const [first, second] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { codes: unknown[] });
    expect(first?.codes).toEqual([]);
    expect(second?.codes).toHaveLength(1);
  });

  it('exits 1 when a file cannot be read, after reading the others', () => {
    const garbage = join(dir, 'garbage.png');
    writeFileSync(garbage, 'no picture here');
    const missing = join(dir, 'missing.jpg');
    const r = runCli(['vision', 'decode', '--json', missing, retail, garbage]);
    expect(r.status).toBe(1);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual([missing, retail, garbage]);
    expect(lines[0]).toEqual({ file: missing, error: 'no such file' });
    expect(lines[2]?.error).toMatch(/^not a readable image/);
    expect(r.stderr).toContain(`qcs: ${missing}: no such file`);
    expect(r.stderr).toContain('qcs: 2 of 3 files could not be read');
  });

  it('exits 2 on usage errors', () => {
    const none = runCli(['vision', 'decode']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("missing required argument 'files'");
    const bad = runCli(['vision', 'decode', '--formats', 'pdf417', retail]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'qcs: unknown barcode format "pdf417" (known: EAN-13, UPC-A, EAN-8, UPC-E, Code128, ITF, DataMatrix, QRCode)\n',
    );
  });
});
