import { closeSync, fsyncSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageStatus } from '../../src-shared/api/domain-backup';
import { AppError } from '../api/app-error';
import type { Db } from '../store/database';

const MIB = 1024 * 1024;

/** What a failed write says about the disk: full, an I/O error, or nothing to do with it. */
export function storageProblem(err: unknown): 'full' | 'unwritable' | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const code = String(err.code);
  // SQLite reports ENOSPC as SQLITE_FULL; a page cap (max_page_count) too.
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'EROFS') return 'unwritable';
  return null;
}

export interface StorageGuardOptions {
  db: Db;
  dataDir: string;
  tempDir?: string;
  clock?: () => number;
  /** Every state change, for every screen. */
  onStatus?: (status: StorageStatus) => void;
  log?: (line: string) => void;
  /** Background probe interval while full (default 3 s). */
  probeEveryMs?: number;
  /** Writing resumes only with this much free on the data volume (default 8 MiB)... */
  minFreeBytes?: number;
  /** ...and this many pages below SQLite's page cap (default 32): no flapping at the edge. */
  headroomPages?: number;
  /** Below this, a start-up warning (default 256 MiB). */
  lowSpaceBytes?: number;
  /** Free bytes of a volume (default statfs); null when unknown. */
  freeBytes?: (path: string) => number | null;
}

function statfsFree(path: string): number | null {
  try {
    const s = statfsSync(path);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/**
 * The station's answer to a full disk. A write that fails with SQLITE_FULL (or an I/O error)
 * has already been rolled back as one transaction by the event log; the guard then refuses
 * scans with a clear message, tells every screen, and probes in the background — page cap,
 * free space, a real fsync'd write — until there is room again, when it resumes by itself.
 * It never refuses to start: a station that opened its database can at least show why it
 * cannot record (see `checkAtStart`).
 */
export class StorageGuard {
  private state: StorageStatus['state'] = 'ok';
  private since: number | null = null;
  private warnings: StorageStatus['warnings'] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly clock: () => number;
  private readonly freeBytes: (path: string) => number | null;
  private readonly tempDir: string;

  constructor(private readonly options: StorageGuardOptions) {
    this.clock = options.clock ?? Date.now;
    this.freeBytes = options.freeBytes ?? statfsFree;
    this.tempDir = options.tempDir ?? tmpdir();
  }

  status(): StorageStatus {
    return {
      state: this.state,
      since: this.since,
      dataFreeBytes: this.freeBytes(this.options.dataDir),
      tempFreeBytes: this.freeBytes(this.tempDir),
      warnings: this.warnings,
    };
  }

  /**
   * Start-up check of the data and temp volumes (SQLite sorts and builds big indexes in temp
   * files). Little space: a warning in the status and the log. Less than `minFreeBytes` on the
   * data volume: start in the full state (scans refused until space returns) rather than
   * refuse to start, so that the screens can say what is wrong.
   */
  checkAtStart(): void {
    const low = this.options.lowSpaceBytes ?? 256 * MIB;
    const volumes = [
      { code: 'low-data-space', path: this.options.dataDir, what: 'the data directory' },
      { code: 'low-temp-space', path: this.tempDir, what: 'the temp directory' },
    ];
    this.warnings = [];
    for (const v of volumes) {
      const free = this.freeBytes(v.path);
      if (free !== null && free < low) {
        const message = `Only ${Math.floor(free / MIB)} MiB free for ${v.what} (${v.path}).`;
        this.warnings.push({ code: v.code, message });
        this.options.log?.(`storage: ${message}`);
      }
    }
    if (!this.hasRoom()) this.enter('full');
  }

  /** Called with every failed write transaction; true when it was the disk. */
  noteFailure(err: unknown): boolean {
    const problem = storageProblem(err);
    if (!problem) return false;
    this.enter(problem);
    return true;
  }

  /** Before a scan: refuses it while the disk is full, unless a probe finds room right now. */
  assertWritable(): void {
    if (this.state === 'ok') return;
    if (this.hasRoom()) {
      this.clear();
      return;
    }
    throw this.refusal();
  }

  /** The error a scan gets for a write that failed on the disk (null: some other failure). */
  refusalFor(err: unknown): AppError | null {
    return this.noteFailure(err) ? this.refusal() : null;
  }

  private refusal(): AppError {
    return this.state === 'unwritable'
      ? new AppError(
          'unavailable',
          'The station cannot write to its disk: this scan was NOT recorded. Check the disk; scanning resumes by itself.',
          { reason: 'storage-unwritable' },
        )
      : new AppError(
          'unavailable',
          'The disk is full: this scan was NOT recorded. Free some space; scanning resumes by itself.',
          { reason: 'storage-full' },
        );
  }

  /** Room to write again? SQLite's page cap, free space, and a real fsync'd write. */
  hasRoom(): boolean {
    const { db, dataDir } = this.options;
    try {
      if (db.open) {
        const max = db.pragma('max_page_count', { simple: true }) as number;
        const used = db.pragma('page_count', { simple: true }) as number;
        const reusable = db.pragma('freelist_count', { simple: true }) as number;
        if (max - used + reusable < (this.options.headroomPages ?? 32)) return false;
      }
      const free = this.freeBytes(dataDir);
      if (free !== null && free < (this.options.minFreeBytes ?? 8 * MIB)) return false;
      // statfs can lie (quotas, thin volumes): writing and syncing a little is the proof.
      const probe = join(dataDir, '.storage-probe');
      const fd = openSync(probe, 'w');
      try {
        writeSync(fd, Buffer.alloc(64 * 1024));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
        rmSync(probe, { force: true });
      }
      return true;
    } catch {
      return false;
    }
  }

  private enter(state: 'full' | 'unwritable'): void {
    if (this.state === state) return;
    this.state = state;
    this.since ??= this.clock();
    this.options.log?.(`storage: ${state}; scans are refused until there is room again`);
    this.options.onStatus?.(this.status());
    this.timer ??= setInterval(() => {
      if (this.hasRoom()) this.clear();
    }, this.options.probeEveryMs ?? 3_000);
    // The probe must not keep a closing process alive.
    this.timer.unref();
  }

  private clear(): void {
    if (this.state === 'ok') return;
    this.state = 'ok';
    this.since = null;
    this.stopProbe();
    this.options.log?.('storage: room again; scans are accepted');
    this.options.onStatus?.(this.status());
  }

  private stopProbe(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  stop(): void {
    this.stopProbe();
  }
}
