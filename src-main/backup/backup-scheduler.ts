import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {
  BackupRecord,
  BackupSettings,
  BackupStatus,
} from '../../src-shared/api/domain-backup';
import { backupDatabase, type BackupOwner } from '../store/backup';
import type { Db } from '../store/database';
import {
  backupFileName,
  backupFolder,
  expiredBackups,
  listBackups,
  nextDueAt,
  PARTIAL_SUFFIX,
  removePartials,
} from './backup-files';

/** A failed backup is tried again after this long, not at every check. */
const RETRY_AFTER_MS = 30 * 60_000;

export type BackupOutcome =
  | { kind: 'completed'; record: BackupRecord; durationMs: number }
  | { kind: 'failed'; message: string };

/** Timers the scheduler uses; tests pass their own to drive it without waiting. */
export interface SchedulerTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface BackupSchedulerOptions {
  db: Db;
  dataDir: string;
  owner: BackupOwner;
  settings: () => BackupSettings;
  clock?: () => number;
  timers?: SchedulerTimers;
  /** How often to look whether the day's backup is due (default 5 min; the job is daily). */
  checkEveryMs?: number;
  /** Every status change (running, finished, failed): for the screens. */
  onStatus?: (status: BackupStatus) => void;
  /** Each finished attempt: the station records it in its log. */
  onOutcome?: (outcome: BackupOutcome) => void;
  log?: (line: string) => void;
}

const nodeTimers: SchedulerTimers = {
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    // A daily job must never keep a closing process alive.
    t.unref();
    return t;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Daily online backups of the running station: SQLite's backup API copies the database while
 * scans go on, the copy is verified (quick_check + the signed log against this station's key)
 * under a `.partial` name and renamed only then, and retention prunes older copies. The
 * private key is never copied: a backup folder may be a share, and restore needs the key that
 * is already in the data directory.
 */
export class BackupScheduler {
  private readonly clock: () => number;
  private readonly timers: SchedulerTimers;
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private last: BackupRecord | null = null;
  private lastFailure: { at: number; message: string } | null = null;

  constructor(private readonly options: BackupSchedulerOptions) {
    this.clock = options.clock ?? Date.now;
    this.timers = options.timers ?? nodeTimers;
  }

  start(): void {
    if (this.handle !== null) return;
    this.handle = this.timers.setInterval(
      () => {
        void this.tick();
      },
      this.options.checkEveryMs ?? 5 * 60_000,
    );
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    this.handle = null;
  }

  private folder(): string {
    return backupFolder(this.options.dataDir, this.options.settings());
  }

  private newest(): BackupRecord | null {
    const [newest] = listBackups(this.folder(), this.options.owner.stationId);
    if (!newest) return null;
    // A finished name means it passed verification when it was made (see run()).
    if (this.last?.file === newest.name) return this.last;
    return { file: newest.name, at: newest.at, bytes: newest.bytes, headSeq: 0, verified: true };
  }

  status(): BackupStatus {
    const settings = this.options.settings();
    const last = this.newest();
    const retryAt = this.lastFailure ? this.lastFailure.at + RETRY_AFTER_MS : 0;
    return {
      enabled: settings.enabled,
      folder: this.folder(),
      running: this.running !== null,
      nextDueAt: settings.enabled
        ? Math.max(nextDueAt(last?.at ?? null, settings.hour, this.clock()), retryAt)
        : null,
      last,
      lastFailure: this.lastFailure,
      copies: listBackups(this.folder(), this.options.owner.stationId).length,
    };
  }

  /** One scheduled check: backs up when the day's backup is due. */
  async tick(): Promise<void> {
    const status = this.status();
    if (status.nextDueAt === null || status.running || status.nextDueAt > this.clock()) return;
    await this.runNow();
  }

  /** Backs up now; a second caller meanwhile waits for the same backup. Never throws. */
  async runNow(): Promise<BackupStatus> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      this.options.onStatus?.(this.status());
    }
    await this.running;
    const status = this.status();
    this.options.onStatus?.(status);
    return status;
  }

  private async run(): Promise<void> {
    const started = this.clock();
    const { owner } = this.options;
    let partial: string | null = null;
    try {
      const folder = this.folder();
      mkdirSync(folder, { recursive: true });
      removePartials(folder, owner.stationId);
      const name = backupFileName(owner.stationId, started);
      partial = join(folder, name + PARTIAL_SUFFIX);
      const { headSeq } = await backupDatabase(this.options.db, partial, owner);
      const file = join(folder, name);
      renameSync(partial, file);
      partial = null;
      const durationMs = Math.max(0, this.clock() - started);
      this.last = { file: name, at: started, bytes: statSync(file).size, headSeq, verified: true };
      this.lastFailure = null;
      this.prune();
      this.options.log?.(`backup: ${file} (${this.last.bytes} bytes, up to event ${headSeq})`);
      this.options.onOutcome?.({ kind: 'completed', record: this.last, durationMs });
    } catch (err) {
      if (partial) rmSync(partial, { force: true });
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      this.lastFailure = { at: this.clock(), message };
      this.options.log?.(`backup failed: ${message}`);
      this.options.onOutcome?.({ kind: 'failed', message });
    }
  }

  private prune(): void {
    const settings = this.options.settings();
    const backups = listBackups(this.folder(), this.options.owner.stationId);
    for (const expired of expiredBackups(backups, settings, this.clock())) {
      rmSync(expired.path, { force: true });
    }
  }
}
