import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { databaseFile } from '../paths';
import { projections } from '../station';
import { checkBackupFile } from '../store/backup';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrate';
import { createProjector, rebuildProjections } from '../store/projections';
import { createRepos } from '../store/repos';
import { keyFilePath, keysFromPrivatePem } from '../store/station-identity';
import { runningStation } from './station-lock';

/** Restore refused: D was left as it was. The message says why and what to do. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreOptions {
  file: string;
  dataDir: string;
  /** Restore even though the current log holds events the backup does not (they are set aside). */
  force?: boolean;
  clock?: () => number;
}

export interface RestoreResult {
  stationId: string;
  headSeq: number;
  /** Where the replaced database was kept (null: there was none). */
  keptAs: string | null;
  /** Events the replaced database held beyond the backup (null: it could not be read). */
  setAside: number | null;
}

const SIDECARS = ['-wal', '-shm'] as const;

function removeWithSidecars(file: string): void {
  for (const f of [file, ...SIDECARS.map((s) => file + s)]) rmSync(f, { force: true });
}

/**
 * Station id of the database being replaced, and how many of its events come after `afterSeq`
 * — not counting the records of backups, which every backup leaves one event behind
 * (null: unreadable, e.g. damaged).
 */
function readCurrent(
  target: string,
  afterSeq: number,
): { stationId: string; headSeq: number; later: number } | null {
  // A read-only open of a WAL database creates empty -wal/-shm files: remove the ones it made.
  const hadSidecars = SIDECARS.map((s) => existsSync(target + s));
  try {
    const db = openDatabase(target, { readonly: true });
    try {
      const row = db.prepare<[], { station_id: string }>('SELECT station_id FROM station').get();
      const head = db
        .prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events')
        .get();
      const later = db
        .prepare<[number], { n: number }>(
          "SELECT COUNT(*) AS n FROM events WHERE seq > ? AND type NOT LIKE 'backup.%'",
        )
        .get(afterSeq);
      return row
        ? { stationId: row.station_id, headSeq: head?.seq ?? 0, later: later?.n ?? 0 }
        : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  } finally {
    SIDECARS.forEach((s, i) => {
      if (!hadSidecars[i]) rmSync(target + s, { force: true });
    });
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `qcs db restore FILE --data-dir D`. The backup is copied into D under a temporary name and
 * checked there (integrity_check, the station identity, the whole signed log against the key
 * in D/keys — a backup never holds the private key, so only the station it came from can take
 * it back); its projections are rebuilt from its log, so a flipped byte in a table the log
 * does not cover cannot survive a restore. Only then is the current database kept as
 * `station.db.before-restore-<time>` and the restored one renamed over it (one atomic rename
 * in the same directory). Any refusal leaves D as it was.
 */
export function restoreBackup(options: RestoreOptions): RestoreResult {
  const dataDir = resolve(options.dataDir);
  const file = resolve(options.file);
  const now = (options.clock ?? Date.now)();
  if (!existsSync(file)) throw new RestoreRefused(`There is no file ${file}.`);
  const keyFile = keyFilePath(dataDir);
  if (!existsSync(keyFile)) {
    throw new RestoreRefused(
      `There is no station key in ${keyFile}. Backups never hold the private key: put back the station's keys/ folder first, then restore.`,
    );
  }
  const running = runningStation(dataDir);
  if (running) {
    throw new RestoreRefused(
      `A station is running on ${dataDir} (process ${running.pid} on ${running.host}). Close it first, then restore.`,
    );
  }
  const keys = keysFromPrivatePem(readFileSync(keyFile, 'utf8'));
  const target = databaseFile(dataDir);
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  const temp = `${target}.restoring-${stamp}`;
  removeWithSidecars(temp);
  try {
    copyFileSync(file, temp);
    const check = checkBackupFile(temp, { full: true, openWritable: true });
    if (!check.ok)
      throw new RestoreRefused(`Refused: ${file} is not a usable backup: ${check.problem}.`);
    if (check.publicKeyPem !== keys.publicKeyPem) {
      throw new RestoreRefused(
        `Refused: ${file} is a backup of station ${check.stationId}, signed with another key than this station's (${keyFile}).`,
      );
    }
    const current = existsSync(target) ? readCurrent(target, check.headSeq) : null;
    if (current && current.stationId !== check.stationId) {
      throw new RestoreRefused(
        `Refused: ${file} is a backup of station ${check.stationId}, but ${dataDir} holds station ${current.stationId}.`,
      );
    }
    const setAside = current ? current.later : null;
    if (setAside && !options.force) {
      throw new RestoreRefused(
        `The station's log holds ${setAside} event(s) after this backup (up to ${current?.headSeq}). Restoring sets them aside in station.db.before-restore-…; head office keeps what it already received. Run again with --force to restore anyway.`,
      );
    }
    prepareRestored(temp);
    const keptAs = existsSync(target)
      ? setCurrentAside(target, `${target}.before-restore-${stamp}`)
      : null;
    // The one step that changes what the station opens: an atomic rename in the same folder.
    renameSync(temp, target);
    fsyncPath(dataDir);
    return { stationId: check.stationId, headSeq: check.headSeq, keptAs, setAside };
  } finally {
    removeWithSidecars(temp);
  }
}

/** Brings the copy to this version's schema, rebuilds its tables from its log, one file. */
function prepareRestored(temp: string): void {
  const db = openDatabase(temp);
  try {
    migrate(db);
    rebuildProjections(db, createProjector(createRepos(db), projections));
    // No -wal beside it: after the rename, a WAL file named for station.db must be its own.
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  fsyncPath(temp);
}

/**
 * Keeps the current database under `keptAs`: its WAL is checkpointed into it first when it can
 * be opened; a WAL that could not be folded in moves along with it (SQLite finds it by name).
 */
function setCurrentAside(target: string, keptAs: string): string {
  try {
    const db = openDatabase(target);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    // Damaged: it is kept as it is, with its WAL.
  }
  try {
    linkSync(target, keptAs);
  } catch {
    copyFileSync(target, keptAs);
  }
  for (const s of SIDECARS) {
    if (existsSync(target + s)) renameSync(target + s, keptAs + s);
  }
  return keptAs;
}
