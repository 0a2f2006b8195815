import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../demo/demo-data';
import { openStation } from '../../station';
import { runCli } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/temp-dir';

let dir: ReturnType<typeof tempDir>;

beforeAll(() => {
  dir = tempDir();
  openStation({ dataDir: join(dir.path, 'station'), mode: 'browser', demo: true }).close();
});
afterAll(() => dir.cleanup());

describe('qcs diagnostics', () => {
  it('writes the diagnostics zip of a closed data directory', async () => {
    const out = join(dir.path, 'diag.zip');
    const r = runCli(['diagnostics', '--data-dir', join(dir.path, 'station'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Diagnostics \(\d+ files, \d+ bytes\) written to /);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['versions.json', 'settings.json', 'log-verify.json', 'station.json']),
    );
    const station = JSON.parse((await zip.file('station.json')?.async('string')) ?? '{}') as {
      mode: string;
    };
    expect(station.mode).toBe('cli');
    const all = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join(
      '\n',
    );
    for (const u of demoUsers) expect(all).not.toContain(u.badge);
  });

  it('says so when there is no station in the folder', () => {
    const r = runCli(['diagnostics', '--data-dir', join(dir.path, 'nothing')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no station data/);
  });
});
