import type { Db } from './database';

/**
 * Moves WAL checkpoints off the scan path. SQLite's automatic checkpoint runs inside whichever
 * commit crosses the threshold, and on a large database that commit stalls for milliseconds
 * (a scan the inspector waits for). The running station raises the automatic threshold to a
 * safety net and checkpoints (PASSIVE: never blocks a writer) on a timer when it has been idle.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | null = null;
  private lastWrite = 0;

  constructor(
    private readonly db: Db,
    private readonly options: {
      intervalMs?: number;
      idleMs?: number;
      safetyNetPages?: number;
    } = {},
  ) {}

  start(): void {
    this.db.pragma(`wal_autocheckpoint = ${this.options.safetyNetPages ?? 4_096}`);
    this.timer = setInterval(() => this.tick(), this.options.intervalMs ?? 1_000);
    this.timer.unref();
  }

  /** Called after every commit. */
  wrote(): void {
    this.lastWrite = Date.now();
  }

  private tick(): void {
    if (!this.db.open || this.db.inTransaction) return;
    if (Date.now() - this.lastWrite < (this.options.idleMs ?? 300)) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next tick (or SQLite's safety net) checkpoints instead.
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
