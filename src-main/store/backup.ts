import { rmSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { openDatabase, quickCheck, type Db } from './database';
import { verifyLog } from './log-verify';

/** Who a backup must belong to: the station's id and its public key. */
export interface BackupOwner {
  stationId: string;
  publicKey: KeyObject;
  publicKeyPem: string;
}

export type BackupCheck =
  | { ok: true; stationId: string; publicKeyPem: string; headSeq: number }
  | { ok: false; problem: string };

/**
 * Checks a backup file without changing it: SQLite's integrity check, the station identity it
 * holds, and the whole signed log (hash chain, signatures, checkpoints). `full` runs
 * integrity_check (also compares every index with its table), which restore can afford and a
 * daily backup does not need. Without an `owner`, the log is checked against the key the file
 * itself names — enough to find damage, not to prove whose it is.
 */
export function checkBackupFile(
  file: string,
  options: { owner?: BackupOwner; full?: boolean; openWritable?: boolean } = {},
): BackupCheck {
  let copy: Db;
  try {
    copy = openDatabase(file, { readonly: !options.openWritable });
  } catch (err) {
    return { ok: false, problem: `it cannot be opened (${describe(err)})` };
  }
  try {
    return checkOpenBackup(copy, options);
  } catch (err) {
    // SQLITE_NOTADB, SQLITE_CORRUPT, a missing table: all mean "not a sound station backup".
    return { ok: false, problem: `it is not a sound station database (${describe(err)})` };
  } finally {
    copy.close();
  }
}

function checkOpenBackup(copy: Db, options: { owner?: BackupOwner; full?: boolean }): BackupCheck {
  const damage = options.full ? integrityCheck(copy) : quickCheck(copy);
  if (damage) return { ok: false, problem: `it failed SQLite's integrity check (${damage})` };
  const identity = copy
    .prepare<[], { station_id: string; public_key: string }>(
      'SELECT station_id, public_key FROM station',
    )
    .get();
  if (!identity) return { ok: false, problem: 'it holds no station identity' };
  const owner = options.owner;
  if (
    owner &&
    (identity.station_id !== owner.stationId || identity.public_key !== owner.publicKeyPem)
  ) {
    return {
      ok: false,
      problem: `it belongs to station ${identity.station_id}, not to ${owner.stationId} (another station or another key)`,
    };
  }
  const publicKey = owner?.publicKey ?? createPublicKey(identity.public_key);
  const verified = verifyLog(copy, publicKey, identity.station_id);
  if (!verified.ok) {
    return {
      ok: false,
      problem: `its log does not verify at event ${verified.firstBadSeq ?? '?'}: ${verified.problem ?? 'unknown'}`,
    };
  }
  const head = copy.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events').get();
  return {
    ok: true,
    stationId: identity.station_id,
    publicKeyPem: identity.public_key,
    headSeq: head?.seq ?? 0,
  };
}

/** `PRAGMA integrity_check`: null when sound. */
function integrityCheck(db: Db): string | null {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  return problems.length === 0 ? null : problems.slice(0, 5).join('; ');
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * SQLite's online backup API: a consistent copy while the station keeps writing. The copy is
 * switched to a rollback journal (one self-contained file, no -wal/-shm beside it on a share)
 * and checked before we call it a backup — quick_check, and the signed log when the owner is
 * known; a bad copy is deleted, not kept.
 */
export async function backupDatabase(
  db: Db,
  target: string,
  owner?: BackupOwner,
): Promise<{ pages: number; headSeq: number }> {
  try {
    const { totalPages } = await db.backup(target);
    const copy = openDatabase(target);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkBackupFile(target, owner ? { owner } : {});
    if (!check.ok) throw new Error(`the backup failed its verification: ${check.problem}`);
    return { pages: totalPages, headSeq: check.headSeq };
  } catch (err) {
    rmSync(target, { force: true });
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    throw err;
  }
}
