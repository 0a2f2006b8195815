import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupStatus } from '../../src-shared/api/domain-backup';
import { main } from '../cli/main';
import { caseGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { databaseFile } from '../paths';
import { openStation, openStationCore, type Station } from '../station';
import { openDatabase } from '../store/database';
import { verifyLog } from '../store/log-verify';
import { publicKeyFromPem } from '../store/station-identity';
import { callAs, valueOf } from '../test-support/station-calls';
import { tempDir } from '../test-support/temp-dir';

const TODAY = '2026-11-28';
let now = Date.parse(`${TODAY}T09:00:00`);
let dir: ReturnType<typeof tempDir>;
let dataDir: string;
let lotNo = 0;

function open(): Station {
  return openStation({ dataDir, mode: 'browser', demo: true, clock: () => now });
}

function scanLots(station: Station, n: number): void {
  for (let i = 0; i < n; i += 1) {
    now += 1000;
    lotNo += 1;
    station.scans.submit({
      data: `]C101${caseGtin('692000100001')}17270517${'10'}R${lotNo}`,
      source: 'wedge',
      device: 'wedge-1',
      actor: 'usr-inspector-1',
    });
  }
}

/** Runs `qcs` in this process; returns its exit code and what it wrote. */
async function qcs(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    out.push(a.join(' '));
  });
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('') };
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

/** The data directory's files and the database's bytes: what "left untouched" means. */
function fingerprintOf(d: string): string {
  const db = readFileSync(databaseFile(d));
  const names = readdirSync(d).sort().join(',');
  return `${names}|${createHash('sha256').update(db).digest('hex')}`;
}

async function backupNow(station: Station): Promise<BackupStatus> {
  return valueOf(callAs<BackupStatus>(station, 'qc-manager', 'backup.now', {}));
}

beforeEach(() => {
  dir = tempDir();
  dataDir = join(dir.path, 'station');
  now = Date.parse(`${TODAY}T09:00:00`);
});
afterEach(() => dir.cleanup());

describe('backup and restore round-trip', () => {
  it('restores a verified backup: the station opens with the backup’s events, the replaced database kept', async () => {
    const station = open();
    station.scans.submit({
      data: `]C100${demoSscc(101)}`,
      source: 'wedge',
      device: 'wedge-1',
      actor: 'usr-inspector-1',
    });
    scanLots(station, 5);
    const status = await backupNow(station);
    expect(status.last).toMatchObject({ verified: true });
    expect(status.lastFailure).toBeNull();
    const backupFile = join(status.folder, status.last?.file ?? '');
    expect(status.folder).toBe(join(dataDir, 'backups'));
    // One self-contained file: no WAL beside it, and never the private key.
    expect(readdirSync(status.folder)).toEqual([status.last?.file]);
    const backupHead = status.last?.headSeq ?? 0;
    // The backup is in the log too (after the copy was taken).
    expect(station.log.head().seq).toBe(backupHead + 1);
    scanLots(station, 4);
    const later = station.log.head().seq;
    station.close();

    const before = fingerprintOf(dataDir);
    const refused = await qcs('db', 'restore', backupFile, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/holds \d+ event\(s\) after this backup.*--force/);
    expect(fingerprintOf(dataDir)).toBe(before);

    const restored = await qcs('db', 'restore', backupFile, '--data-dir', dataDir, '--force');
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(`up to event ${backupHead}`);
    const kept = readdirSync(dataDir).filter((n) => n.startsWith('station.db.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(readdirSync(dataDir).filter((n) => n.includes('restoring'))).toEqual([]);

    const core = openStationCore(dataDir);
    try {
      expect(core.log.head().seq).toBe(backupHead);
      expect(verifyLog(core.db, publicKeyFromPem(core.keys.publicKeyPem), core.stationId).ok).toBe(
        true,
      );
      const lots = core.db
        .prepare("SELECT lot FROM lots WHERE lot LIKE 'R%' ORDER BY lot")
        .all()
        .map((r) => (r as { lot: string }).lot);
      expect(lots).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    } finally {
      core.close();
    }
    // The replaced database is whole: it still holds the later events.
    const keptCore = openDatabase(join(dataDir, kept[0] ?? ''), { readonly: true });
    try {
      expect(keptCore.prepare('SELECT MAX(seq) AS s FROM events').get()).toEqual({ s: later });
    } finally {
      keptCore.close();
    }
  });

  it('refuses a damaged, truncated, foreign or non-SQLite backup, and while the station runs; D unchanged', async () => {
    const station = open();
    scanLots(station, 3);
    const good = join(dataDir, 'backups', (await backupNow(station)).last?.file ?? '');
    // A second station's backup, with its own key.
    const otherDir = join(dir.path, 'other');
    const other = openStation({ dataDir: otherDir, mode: 'browser', demo: true, clock: () => now });
    const foreign = join(otherDir, 'backups', (await backupNow(other)).last?.file ?? '');
    other.close();

    const whileRunning = await qcs('db', 'restore', good, '--data-dir', dataDir);
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.err).toMatch(/A station is running on .* \(process \d+/);
    station.close();

    const bad = (name: string) => join(dir.path, name);
    const size = statSync(good).size;
    // Flipped bytes across the page in the middle of the file.
    copyFileSync(good, bad('flipped.db'));
    const page = 4096;
    const middle = Math.floor(size / 2 / page) * page;
    const fd = openSync(bad('flipped.db'), 'r+');
    const chunk = Buffer.alloc(page);
    const original = readFileSync(good).subarray(middle, middle + page);
    for (let i = 0; i < page; i += 1) chunk[i] = (original[i] ?? 0) ^ 0x5a;
    writeSync(fd, chunk, 0, page, middle);
    closeSync(fd);
    copyFileSync(good, bad('truncated.db'));
    truncateSync(bad('truncated.db'), Math.floor(size * 0.6));
    writeFileSync(bad('random.db'), createHash('sha512').update('not sqlite').digest());
    // Sound to SQLite, but one event's payload rewritten: only the signed log can tell.
    copyFileSync(good, bad('rewritten.db'));
    const rewritten = openDatabase(bad('rewritten.db'));
    rewritten.exec('DROP TRIGGER events_append_only_update');
    rewritten
      .prepare("UPDATE events SET payload = replace(payload, 'R1', 'R9') WHERE payload LIKE '%R1%'")
      .run();
    rewritten.close();

    const before = fingerprintOf(dataDir);
    const cases: [string, RegExp][] = [
      [bad('flipped.db'), /not a usable backup/],
      [bad('truncated.db'), /not a usable backup/],
      [bad('random.db'), /not a usable backup/],
      [bad('rewritten.db'), /its log does not verify at event \d+/],
      [foreign, /another key than this station/],
      [bad('missing.db'), /There is no file/],
    ];
    for (const [file, why] of cases) {
      const r = await qcs('db', 'restore', file, '--data-dir', dataDir, '--force');
      expect(r.code, file).toBe(1);
      expect(r.err, file).toMatch(why);
      expect(fingerprintOf(dataDir), file).toBe(before);
    }
    expect(existsSync(join(dataDir, 'station.lock'))).toBe(false);
    // And the good one still restores: D is only ahead by the backup's own record, no --force.
    const ok = await qcs('db', 'restore', good, '--data-dir', dataDir);
    expect(ok.code, ok.err).toBe(0);
  });

  it('lets only an admin change the backup settings; a QC manager may back up now', async () => {
    const station = open();
    try {
      const backup = {
        enabled: true,
        folder: join(dir.path, 'nas'),
        keepDays: 7,
        keepCopies: 7,
        hour: 3,
      };
      const asManager = await callAs(station, 'qc-manager', 'settings.update', { backup });
      expect(asManager).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const inspector = await callAs(station, 'inspector', 'backup.now', {});
      expect(inspector).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await valueOf(callAs(station, 'admin', 'settings.update', { backup }));
      const status = await backupNow(station);
      expect(status.folder).toBe(join(dir.path, 'nas'));
      expect(readdirSync(join(dir.path, 'nas'))).toEqual([status.last?.file]);
    } finally {
      station.close();
    }
  });
});
