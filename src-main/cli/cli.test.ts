import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { QCS_BIN, runCli } from '../test-support/run-cli';
import { tempDir } from '../test-support/temp-dir';
import { buildProgram } from './main';
import type { Command } from 'commander';

let dir: ReturnType<typeof tempDir>;
let dataDir: string;

beforeAll(() => {
  dir = tempDir();
  dataDir = join(dir.path, 'station');
});
afterAll(() => dir.cleanup());

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [
    [...prefix, c.name()],
    ...commandPaths(c, [...prefix, c.name()]),
  ]);
}

describe('qcs CLI', () => {
  it('has --help at the top and on every command', () => {
    const top = runCli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/Usage: qcs/);
    const paths = commandPaths(buildProgram());
    expect(paths.length).toBeGreaterThanOrEqual(8);
    for (const path of paths) {
      const r = runCli([...path, '--help']);
      expect(r.status, path.join(' ')).toBe(0);
      expect(r.stdout, path.join(' ')).toMatch(/Usage: qcs/);
    }
  });

  it('answers usage errors with exit code 2 and one line', () => {
    for (const args of [
      ['nope'],
      ['serve', '--port', 'abc'],
      ['serve', '--bogus'],
      ['db', 'backup'],
      ['log', 'verify', '--data-dir', join(dir.path, 'missing')],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('seeds the demo idempotently', () => {
    const first = runCli(['demo', 'seed', '--data-dir', dataDir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Demo data loaded: \d+ events/);
    const count = () => {
      const db = openDatabase(join(dataDir, 'station.db'), { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      db.close();
      return n;
    };
    const before = count();
    const second = runCli(['demo', 'seed', '--data-dir', dataDir]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/already loaded/);
    expect(count()).toBe(before);
  });

  it('migrates, checks, rebuilds projections identically, and backs up', () => {
    const migrated = runCli(['db', 'migrate', '--data-dir', dataDir]);
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/up to date/);
    expect(runCli(['db', 'check', '--data-dir', dataDir])).toMatchObject({ status: 0 });
    const dump = () => {
      const db = openDatabase(join(dataDir, 'station.db'), { readonly: true });
      const tables = [
        'suppliers',
        'skus',
        'users',
        'deliveries',
        'delivery_lines',
        'lots',
        'inspections',
        'lot_decisions',
        'event_subjects',
      ];
      const out = tables.map((t) =>
        JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()),
      );
      db.close();
      return out;
    };
    const before = dump();
    const rebuilt = runCli(['db', 'rebuild', '--data-dir', dataDir]);
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(/Rebuilt projections from \d+ events/);
    expect(dump()).toEqual(before);
    const backup = join(dir.path, 'backup.db');
    expect(runCli(['db', 'backup', backup, '--data-dir', dataDir])).toMatchObject({ status: 0 });
    expect(existsSync(backup)).toBe(true);
    const copy = openDatabase(backup, { readonly: true });
    expect(
      (copy.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    ).toBeGreaterThan(50);
    copy.close();
  });

  it('log verify passes on a sound log and names the seq of an edited row', () => {
    const verified = runCli(['log', 'verify', '--data-dir', dataDir]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/Log verified/);
    const db = openDatabase(join(dataDir, 'station.db'));
    db.exec('DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;');
    db.prepare(
      `UPDATE events SET payload = replace(payload, '"Northfield Dairy', '"Southfield Dairy') WHERE type = 'supplier.upserted' AND payload LIKE '%Northfield Dairy%'`,
    ).run();
    const edited = (
      db.prepare(`SELECT seq FROM events WHERE payload LIKE '%Southfield Dairy%'`).get() as {
        seq: number;
      }
    ).seq;
    db.close();
    const r = runCli(['log', 'verify', '--data-dir', dataDir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`seq ${edited}\\b`));
    const json = runCli(['log', 'verify', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBadSeq: edited });
  });

  it('`qcs serve --demo` answers /health on a fresh data directory and stops cleanly on SIGTERM', async () => {
    // How fast is the startup benchmark's business (bench/startup.bench.ts, target 1.5 s via npx).
    const fresh = join(dir.path, 'fresh');
    const child = spawn(process.execPath, [
      QCS_BIN,
      'serve',
      '--demo',
      '--port',
      '0',
      '--data-dir',
      fresh,
    ]);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /at (http:\/\/\S+)/.exec(d.toString());
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    let health: Response | null = null;
    while (!health?.ok) health = await fetch(`${url}health`).catch(() => null);
    expect(await health.json()).toEqual({ ok: true });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
