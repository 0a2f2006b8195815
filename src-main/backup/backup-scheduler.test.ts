import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBackupSettings, type BackupSettings } from '../../src-shared/api/domain-backup';
import { openStationCore, type StationCore } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { backupFileName, expiredBackups, nextDueAt } from './backup-files';
import { BackupScheduler, type BackupOutcome, type SchedulerTimers } from './backup-scheduler';

const at = (local: string) => new Date(local).getTime();
let now = at('2026-03-01T09:00:00');
let dir: ReturnType<typeof tempDir>;
let core: StationCore;
let settings: BackupSettings;
let outcomes: BackupOutcome[];
let scheduler: BackupScheduler;
/** The scheduler's interval, fired by the test instead of by time passing. */
let fire: (() => void) | null = null;
const timers: SchedulerTimers = {
  setInterval: (fn) => {
    fire = fn;
    return 1;
  },
  clearInterval: () => {
    fire = null;
  },
};

beforeEach(() => {
  dir = tempDir();
  now = at('2026-03-01T09:00:00');
  core = openStationCore(join(dir.path, 'station'), { clock: () => now });
  settings = { ...defaultBackupSettings, folder: join(dir.path, 'share', 'qc') };
  outcomes = [];
  scheduler = new BackupScheduler({
    db: core.db,
    dataDir: join(dir.path, 'station'),
    owner: {
      stationId: core.stationId,
      publicKey: core.keys.publicKey,
      publicKeyPem: core.keys.publicKeyPem,
    },
    settings: () => settings,
    clock: () => now,
    timers,
    onOutcome: (o) => outcomes.push(o),
  });
  scheduler.start();
});
afterEach(() => {
  scheduler.stop();
  core.close();
  dir.cleanup();
});

const files = () => readdirSync(settings.folder ?? '').sort();

describe('when the daily backup is due', () => {
  it('is due at the configured hour, or at once when that hour passed without a backup', () => {
    expect(nextDueAt(null, 2, at('2026-03-01T09:00:00'))).toBe(at('2026-03-01T09:00:00'));
    expect(nextDueAt(at('2026-02-28T02:05:00'), 2, at('2026-03-01T01:00:00'))).toBe(
      at('2026-03-01T02:00:00'),
    );
    expect(nextDueAt(at('2026-02-28T02:05:00'), 2, at('2026-03-01T09:00:00'))).toBe(
      at('2026-03-01T09:00:00'),
    );
    expect(nextDueAt(at('2026-03-01T02:05:00'), 2, at('2026-03-01T09:00:00'))).toBe(
      at('2026-03-02T02:00:00'),
    );
  });

  it('retention keeps the newest N copies, drops those older than N days, never the newest', () => {
    const day = 86_400_000;
    const list = [0, 1, 2, 3, 4].map((d) => ({
      name: `b${d}`,
      path: `b${d}`,
      at: at('2026-03-10T02:00:00') - d * day,
      bytes: 1,
    }));
    const names = (keepDays: number, keepCopies: number, now: number) =>
      expiredBackups(list, { keepDays, keepCopies }, now).map((b) => b.name);
    expect(names(30, 3, at('2026-03-10T03:00:00'))).toEqual(['b3', 'b4']);
    // Two days and an hour old is older than two days.
    expect(names(2, 10, at('2026-03-10T03:00:00'))).toEqual(['b2', 'b3', 'b4']);
    // A month without a good backup: the last one stays, however old.
    expect(names(2, 10, at('2026-04-10T03:00:00'))).toEqual(['b1', 'b2', 'b3', 'b4']);
  });
});

describe('the backup scheduler', () => {
  it('backs up once a day, verified, and prunes to the retention', async () => {
    settings = { ...settings, keepCopies: 3, hour: 2 };
    for (let d = 1; d <= 6; d += 1) {
      now = at(`2026-03-0${d}T09:00:00`);
      await scheduler.tick();
      await scheduler.tick(); // the same day: nothing more
    }
    expect(outcomes.filter((o) => o.kind === 'completed')).toHaveLength(6);
    // The three newest, days 4 to 6.
    expect(files()).toEqual(
      [4, 5, 6].map((d) => backupFileName(core.stationId, at(`2026-03-0${d}T09:00:00`))),
    );
    const status = scheduler.status();
    expect(status.last).toMatchObject({ verified: true });
    expect(status.copies).toBe(3);
    expect(status.nextDueAt).toBe(at('2026-03-07T02:00:00'));
  });

  it('the timer alone makes the day’s backup once its hour has come', async () => {
    now = at('2026-03-01T01:00:00');
    // First start ever: no backup yet, so one is due right away.
    fire?.();
    await scheduler.runNow();
    expect(files()).toHaveLength(1);
    now = at('2026-03-01T01:30:00');
    await scheduler.tick();
    expect(files()).toHaveLength(1);
    now = at('2026-03-01T02:00:01');
    await scheduler.tick();
    expect(files()).toHaveLength(2);
  });

  it('deletes a copy that fails verification, reports it, and keeps the older good backups', async () => {
    await scheduler.runNow();
    expect(files()).toHaveLength(1);
    // The live log is damaged (a row rewritten behind the log's back): its copy cannot verify.
    core.db.exec('DROP TRIGGER events_append_only_update');
    core.db.prepare("UPDATE events SET actor = 'mallory' WHERE seq = 1").run();
    now = at('2026-03-20T09:00:00');
    settings = { ...settings, keepDays: 1, keepCopies: 1 };
    const status = await scheduler.runNow();
    expect(status.lastFailure?.message).toMatch(/its log does not verify at event 1/);
    expect(outcomes.at(-1)).toMatchObject({ kind: 'failed' });
    // No partial copy left, and the old backup kept although retention would drop it by age.
    expect(files()).toHaveLength(1);
    expect(status.copies).toBe(1);
    // Tried again later, not at every check.
    expect(status.nextDueAt).toBe(at('2026-03-20T09:30:00'));
  });
});
