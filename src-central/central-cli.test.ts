import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QCS_BIN } from '../src-main/test-support/run-cli';
import { tempDir } from '../src-main/test-support/temp-dir';

// The CLI runs PGlite in its data directory (DATABASE_URL is cleared for these processes).
const env = { ...process.env, DATABASE_URL: '' };

function qcs(
  args: readonly string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [QCS_BIN, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [QCS_BIN, 'central', 'serve', '--port', '0', '--data-dir', dataDir],
      { env },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Head office at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`central serve exited with ${code}: ${err}`)));
  });
}

describe('qcs central (PGlite)', () => {
  const dir = tempDir('qcs-central-cli-');
  const data = join(dir.path, 'central');
  let server: { child: ChildProcess; url: string };

  beforeAll(async () => {
    server = await serve(data);
  }, 60_000);
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    dir.cleanup();
  });

  it('serves, writes a private admin file, and the admin commands go through it', async () => {
    const adminFile = join(data, 'central-admin.json');
    expect(statSync(adminFile).mode & 0o777).toBe(0o600);
    expect((await fetch(`${server.url}/v1/time`)).status).toBe(200);

    const code = await qcs(['central', 'enroll-code', '--data-dir', data]);
    expect(code.status).toBe(0);
    expect(code.stdout).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3} {2}\(valid until/);

    const file = join(dir.path, 'suppliers.csv');
    writeFileSync(
      file,
      'supplierId,code,name,standing,contact,cumulativeSalesCny,documents,audits\nS-1,S1,One,approved,x,5,[],[]\nS-2,S2,Two,nope,x,5,[],[]\n',
    );
    const imported = await qcs(['central', 'import', file, '--data-dir', data]);
    expect(imported.status).toBe(1);
    expect(imported.stdout).toContain(
      'Imported suppliers.csv: 1 supplier; 0 unchanged; 1 rejected.',
    );
    expect(imported.stdout).toMatch(/line 3 \(supplier S-2\): standing/);

    const stats = await qcs(['central', 'stats', '--json', '--data-dir', data]);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual({ stations: [] });
    expect((await qcs(['central', 'full-refresh', '--data-dir', data])).stdout).toMatch(
      /cursor floor \d+/,
    );

    const second = await qcs(['central', 'serve', '--port', '0', '--data-dir', data]);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/already runs/);

    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(adminFile)).toBe(false);
  }, 120_000);

  it('opens the database directly when no server runs, ignoring a stale admin file', async () => {
    writeFileSync(
      join(data, 'central-admin.json'),
      JSON.stringify({ url: 'http://127.0.0.1:9', pid: 1, token: 'x' }),
    );
    const stats = await qcs(['central', 'stats', '--data-dir', data]);
    expect(stats.stderr).toMatch(/stale file/);
    expect(stats.status).toBe(0);
    expect(stats.stdout).toContain('No station has enrolled yet.');
    const again = await qcs([
      'central',
      'import',
      join(dir.path, 'suppliers.csv'),
      '--data-dir',
      data,
    ]);
    expect(again.stdout).toContain('no change; 1 unchanged; 1 rejected.');
  }, 120_000);
});
