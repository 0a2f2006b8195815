import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import {
  labelSpecs,
  renderLabel,
  renderOptions,
  seededRandom,
} from '../../vision/ocr/label-images.test-helper';
import { UsageError } from '../errors';
import { registerVisionLabel } from './vision-label';

let dir: ReturnType<typeof tempDir>;
let file = '';
const spec = labelSpecs(13, 77).find((s) => s.format === '生产日期：yyyy-mm-dd + 保质期：N个月');

beforeAll(async () => {
  dir = tempDir();
  if (!spec) throw new Error('no label');
  file = join(dir.path, 'label.jpg');
  writeFileSync(file, await renderLabel(spec, renderOptions(seededRandom(5))));
});
afterAll(() => dir.cleanup());

/** Runs `qcs vision label …` in this process (main.ts wires `vision` for the real CLI). */
async function qcsVision(args: string[]): Promise<string> {
  const program = new Command('qcs').exitOverride();
  registerVisionLabel(program.command('vision').exitOverride());
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['vision', 'label', ...args], { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('qcs vision label', () => {
  it('prints the lines, dates and lot as one JSON object', async () => {
    const out = await qcsVision([file, '--json', '--today', '2026-11-28']);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['file', 'lines', 'expiry', 'production', 'lot', 'warnings']);
    expect(json).toMatchObject({
      file,
      expiry: spec?.expiry,
      production: spec?.production,
      lot: spec?.lot,
      warnings: [expect.stringMatching(/^expiry-computed: /)],
    });
    const lines = json.lines as { text: string; confidence: number; box: number[][] }[];
    const production = lines.find((l) => l.text === `生产日期：${spec?.production}`);
    expect(production?.confidence).toBeGreaterThan(0.5);
    expect(production?.box).toHaveLength(4);
    expect(production?.box.every((p) => p.length === 2 && p.every(Number.isInteger))).toBe(true);
  }, 60_000);

  it('prints a readable report without --json', async () => {
    const out = await qcsVision([file, '--today', '2026-11-28']);
    expect(out).toContain(`Expiry      ${spec?.expiry}`);
    expect(out).toContain(`Lot         ${spec?.lot}`);
    expect(out).toMatch(/│ 保质期：\d+个月/);
  }, 60_000);

  it('refuses a missing file and a malformed GTIN as usage mistakes', async () => {
    await expect(qcsVision([join(dir.path, 'nope.jpg')])).rejects.toThrow(UsageError);
    await expect(qcsVision([file, '--gtin', '12ab'])).rejects.toThrow(/--gtin must have/);
  });
});
