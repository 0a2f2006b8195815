import { checkpointSignatureHolds } from '../src-main/store/log-checkpoints';
import { publicKeyFromPem } from '../src-main/store/station-identity';
import type { EnrollRequest, LogCheckpoint, StationState } from '../src-shared/sync/protocol';
import type { CentralDb, Queryable } from './db';
import { SyncError, VerificationError } from './errors';
import { checkpointSize, insertCheckpoint, stationCheckpoints } from './store/checkpoints';
import { checkEnrollCode, markEnrollCodeUsed } from './store/enrollment';
import { storedHashes } from './store/events';
import {
  findStation,
  insertStation,
  recordVerificationFailure,
  refreshStation,
} from './store/stations';

export async function stationState(
  q: Queryable,
  stationId: string,
  now: Date,
): Promise<StationState> {
  const station = await findStation(q, stationId);
  if (!station) throw new SyncError(401, 'unknown-station', `Unknown station ${stationId}.`);
  return {
    stationId,
    ackedSeq: station.ackedSeq,
    ackedHash: station.ackedHash,
    checkpointSize: await checkpointSize(q, stationId),
    serverTime: now.getTime(),
  };
}

/** The key as one canonical SPKI PEM (whitespace or line endings must not make it "another key"). */
function canonicalKey(pem: string): string {
  let key;
  try {
    key = publicKeyFromPem(pem);
  } catch {
    throw new SyncError(400, 'bad-request', 'publicKeyPem is not a public key in PEM form.');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SyncError(400, 'bad-request', 'The station key must be an Ed25519 key.');
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

const CODE_REFUSALS = {
  unknown: 'This enrollment code is not known to head office.',
  used: 'This enrollment code has already been used: ask head office for a new one.',
  expired: 'This enrollment code has expired (codes last 24 hours): ask for a new one.',
} as const;

/**
 * Enrollment with a one-time code. Re-enrolling a known station with the same key is allowed
 * (it gets its stored upload state back: head office never forgets what it acknowledged); a
 * different key for a known station is refused, since it would let anyone holding a code speak
 * for that station.
 */
export async function enroll(db: CentralDb, req: EnrollRequest, now: Date): Promise<StationState> {
  const publicKeyPem = canonicalKey(req.publicKeyPem);
  return db.transaction(async (tx) => {
    const check = await checkEnrollCode(tx, req.code, now);
    if (check !== 'ok') throw new SyncError(403, 'enrollment-refused', CODE_REFUSALS[check]);
    const existing = await findStation(tx, req.stationId);
    const details = {
      stationId: req.stationId,
      name: req.name ?? null,
      softwareVersion: req.softwareVersion,
    };
    if (!existing) {
      await insertStation(tx, { ...details, publicKeyPem }, now);
    } else if (canonicalKey(existing.publicKeyPem) !== publicKeyPem) {
      throw new SyncError(
        409,
        'enrollment-refused',
        `Station ${req.stationId} is enrolled with another key. Head office must revoke it first.`,
      );
    } else {
      await refreshStation(tx, details, now);
    }
    await markEnrollCodeUsed(tx, req.code, req.stationId, now);
    return stationState(tx, req.stationId, now);
  });
}

/**
 * Stores signed checkpoints. Held checkpoints must only grow with their number; one that says the
 * log was shorter than an earlier checkpoint, or names a head that differs from the event head
 * office holds at that seq, means the station's log was truncated or rewritten: refused.
 */
export async function uploadCheckpoints(
  db: CentralDb,
  stationId: string,
  publicKeyPem: string,
  checkpoints: readonly LogCheckpoint[],
): Promise<{ checkpointSize: number }> {
  const key = publicKeyFromPem(publicKeyPem);
  try {
    return await db.transaction(async (tx) => {
      // The same lock as event uploads: a checkpoint and a batch are checked against each other.
      await tx.query('SELECT 1 FROM stations WHERE station_id = $1 FOR UPDATE', [stationId]);
      const held = await stationCheckpoints(tx, stationId);
      for (const c of [...checkpoints].sort((a, b) => a.number - b.number)) {
        const refuse = (why: string, reason: string) =>
          new VerificationError(422, 'chain-broken', why, stationId, reason);
        if (c.stationId !== stationId) {
          throw refuse(`Checkpoint ${c.number} belongs to station ${c.stationId}.`, 'station');
        }
        if (!checkpointSignatureHolds(key, c)) {
          throw refuse(`Checkpoint ${c.number}: its signature does not verify.`, 'signature');
        }
        conflictsWithHeld(c, held);
        const [atHead] = (await storedHashes(tx, stationId, c.headSeq, c.headSeq)).values();
        if (atHead !== undefined && atHead !== c.headHash) {
          throw new SyncError(
            409,
            'checkpoint-conflict',
            `Checkpoint ${c.number} names a head (seq ${c.headSeq}) that differs from the event head office holds.`,
            { seq: c.headSeq },
          );
        }
        if (!held.some((h) => h.number === c.number)) {
          await insertCheckpoint(tx, c);
          held.push(c);
        }
      }
      return { checkpointSize: await checkpointSize(tx, stationId) };
    });
  } catch (err) {
    if (err instanceof VerificationError) {
      await recordVerificationFailure(db, err.stationId, err.reason, err.message);
    }
    throw err;
  }
}

function conflictsWithHeld(c: LogCheckpoint, held: readonly LogCheckpoint[]): void {
  for (const h of held) {
    const same =
      h.number === c.number &&
      h.logSize === c.logSize &&
      h.headSeq === c.headSeq &&
      h.headHash === c.headHash;
    const ordered =
      h.number === c.number
        ? same
        : h.number < c.number
          ? h.logSize <= c.logSize
          : h.logSize >= c.logSize;
    if (!ordered) {
      throw new SyncError(
        409,
        'checkpoint-conflict',
        h.number === c.number
          ? `Checkpoint ${c.number} differs from the checkpoint ${h.number} head office holds.`
          : `Checkpoint ${c.number} (log of ${c.logSize} events) contradicts checkpoint ${h.number} ` +
              `(log of ${h.logSize}) that head office holds: the station's log is shorter than it was.`,
        { seq: c.headSeq },
      );
    }
  }
}
