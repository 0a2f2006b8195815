import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Path of the better-sqlite3 addon to load. Electron loads a build made for its own ABI from a
   * separate folder, so the build that tests load under Node is never overwritten.
   */
  nativeBinding?: string;
  readonly?: boolean;
  /** Log statements slower than this many ms (0 = off). */
  slowQueryMs?: number;
}

/**
 * Opens the station database with the pragmas every connection needs.
 * - WAL: readers never block the single writer.
 * - synchronous=FULL: a commit is on disk before it returns, so a scan the UI shows as recorded
 *   survives a power cut (NORMAL would only survive a process crash).
 * - foreign_keys: projections keep their references honest.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 32 MiB page cache (default 2 MiB): the log, its indexes and the busiest projections stay hot.
  db.pragma('cache_size = -32768');
  return db;
}

/** `PRAGMA quick_check`: null when the file is sound, else SQLite's description of the damage. */
export function quickCheck(db: Db): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length === 0 ? null : problems.join('; ');
}
