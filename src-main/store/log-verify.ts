import type { KeyObject } from 'node:crypto';
import type { Db } from './database';
import { GENESIS_HASH, hashRow } from './event-hash';
import type { EventRow } from './event-log';
import { verifyHashSignature } from './station-identity';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
}

/**
 * Walks the whole log in seq order and checks what makes it trustworthy:
 * seq has no gaps and starts at 1, each prev_hash is the previous hash, each hash is the
 * SHA-256 of its row, each signature verifies with the station key, every event belongs to
 * this station, and the head is signed (an unsigned tail means rows were appended without
 * the key).
 */
export function verifyLog(db: Db, publicKey: KeyObject, stationId: string): VerifyResult {
  const rows = db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq').iterate();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSigned = true;
  const bad = (seq: number, problem: string): VerifyResult => ({
    ok: false,
    checked,
    firstBadSeq: seq,
    problem,
  });
  for (const r of rows) {
    if (r.seq !== expectedSeq) {
      return bad(expectedSeq, `event ${expectedSeq} is missing (found ${r.seq} next)`);
    }
    if (r.station_id !== stationId) {
      return bad(r.seq, `event ${r.seq} belongs to station ${r.station_id}, not ${stationId}`);
    }
    if (r.prev_hash !== prevHash) {
      return bad(r.seq, `event ${r.seq} does not link to event ${r.seq - 1} (prev_hash differs)`);
    }
    const hash = hashRow({
      seq: r.seq,
      id: r.id,
      stationId: r.station_id,
      recordedAt: r.recorded_at,
      actor: r.actor,
      coActor: r.co_actor,
      type: r.type,
      subjectsJson: r.subjects,
      payloadJson: r.payload,
      reason: r.reason,
      prevHash: r.prev_hash,
    });
    if (hash !== r.hash) {
      return bad(r.seq, `event ${r.seq} was altered: its content does not match its hash`);
    }
    if (r.signature !== null && !verifyHashSignature(publicKey, r.hash, r.signature)) {
      return bad(r.seq, `event ${r.seq} has a signature that does not verify with the station key`);
    }
    lastSigned = r.signature !== null;
    prevHash = r.hash;
    expectedSeq += 1;
    checked += 1;
  }
  if (!lastSigned) {
    return bad(
      expectedSeq - 1,
      `the newest event ${expectedSeq - 1} is not signed: the log's tail was not written by this station`,
    );
  }
  return { ok: true, checked, firstBadSeq: null, problem: null };
}
