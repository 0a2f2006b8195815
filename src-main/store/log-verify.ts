import type { KeyObject } from 'node:crypto';
import { CORRECTS_SUBJECT } from '../../src-shared/events/schemas';
import { canonicalJson } from './canonical-json';
import type { Db } from './database';
import { GENESIS_HASH, hashRow } from './event-hash';
import type { EventRow } from './event-log';
import { checkpointSignatureHolds, storedCheckpoints, type LogCheckpoint } from './log-checkpoints';
import { verifyHashSignature } from './station-identity';

export interface VerifyResult {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** Checkpoints checked: the stored ones, plus the one held elsewhere if given. */
  checkpoints: number;
  firstBadSeq: number | null;
  problem: string | null;
}

export interface VerifyOptions {
  /**
   * A checkpoint held elsewhere (head office). The log must still hold the event it names, with
   * the same hash, and the station must still hold that checkpoint: this is what catches a log
   * cut short together with its own checkpoints.
   */
  checkpoint?: LogCheckpoint;
}

/** A checkpoint pins the log: event `headSeq` must have `headHash`. */
interface Anchor {
  checkpoint: LogCheckpoint;
  label: string;
  /** Its signature is checked once, when the walk reaches its seq (most tampered logs fail before). */
  checked: boolean;
}

const when = (ms: number) => new Date(ms).toISOString();
/** How a correction's reference starts inside the subjects' JSON text (a cheap test per row). */
const CORRECTS_IN_JSON = `"${CORRECTS_SUBJECT}`;

/**
 * Walks the whole log in seq order and checks what makes it trustworthy:
 * seq has no gaps and starts at 1, each prev_hash is the previous hash, each hash is the
 * SHA-256 of its row, each signature verifies with the station key, every event belongs to
 * this station, the head is signed (an unsigned tail means rows were appended without the
 * key), a correction names an earlier event, and every checkpoint — stored, or held elsewhere —
 * is signed by the station key and still matches the log (else it was truncated or rewritten).
 */
export function verifyLog(
  db: Db,
  publicKey: KeyObject,
  stationId: string,
  options: VerifyOptions = {},
): VerifyResult {
  // Checkpoints are read before the events: a checkpoint is written after the events it covers
  // have committed, so a station appending meanwhile cannot make this look like a truncation.
  const hasCheckpoints = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_checkpoints'")
    .get();
  if (!hasCheckpoints) {
    return {
      ok: false,
      checked: 0,
      checkpoints: 0,
      firstBadSeq: null,
      problem: 'the table of log checkpoints is missing: it was dropped',
    };
  }
  const stored = storedCheckpoints(db);
  const external = options.checkpoint;
  let checked = 0;
  const checkpoints = stored.length + (external ? 1 : 0);
  const bad = (seq: number, problem: string): VerifyResult => ({
    ok: false,
    checked,
    checkpoints,
    firstBadSeq: seq,
    problem,
  });

  const anchors = new Map<number, Anchor[]>();
  const pin = (checkpoint: LogCheckpoint, label: string, checked = false) => {
    const at = anchors.get(checkpoint.headSeq) ?? [];
    at.push({ checkpoint, label, checked });
    anchors.set(checkpoint.headSeq, at);
  };
  /** The checkpoint's own problem (station, size, signature), checked once. */
  const anchorProblem = (a: Anchor): string | null => {
    if (a.checked) return null;
    a.checked = true;
    return checkpointProblem(a.checkpoint, a.label, publicKey, stationId);
  };
  let previous: LogCheckpoint | null = null;
  for (const [i, c] of stored.entries()) {
    if (c.number !== i + 1) {
      return bad(
        c.headSeq,
        `checkpoint ${i + 1} is missing (checkpoint ${c.number} comes next): checkpoints were dropped`,
      );
    }
    if (previous && c.headSeq <= previous.headSeq) {
      return bad(
        c.headSeq,
        `checkpoint ${c.number} does not move past checkpoint ${previous.number}`,
      );
    }
    pin(c, `checkpoint ${c.number}`);
    previous = c;
  }
  if (external) {
    const label = `the checkpoint held elsewhere (number ${external.number}, ${when(external.createdAt)})`;
    const problem = checkpointProblem(external, label, publicKey, stationId);
    if (problem) return bad(external.headSeq, problem);
    pin(external, label, true);
  }

  const rows = db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq').iterate();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastSigned = true;
  /** Corrections and the id they correct; looked up after the walk (iterate() holds the connection). */
  const corrections: { seq: number; corrects: string }[] = [];
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
    if (r.signature !== null && !signatureHolds(publicKey, r.hash, r.signature)) {
      return bad(r.seq, `event ${r.seq} has a signature that does not verify with the station key`);
    }
    const pinned = anchors.get(r.seq);
    if (pinned) {
      for (const a of pinned) {
        const problem = anchorProblem(a);
        if (problem) return bad(r.seq, problem);
        if (a.checkpoint.headHash !== r.hash) {
          return bad(
            r.seq,
            `event ${r.seq} is not the one ${a.label} signed: the log was rewritten`,
          );
        }
      }
    }
    if (r.subjects.includes(CORRECTS_IN_JSON)) {
      for (const s of JSON.parse(r.subjects) as string[]) {
        if (s.startsWith(CORRECTS_SUBJECT)) {
          corrections.push({ seq: r.seq, corrects: s.slice(CORRECTS_SUBJECT.length) });
        }
      }
    }
    lastSigned = r.signature !== null;
    prevHash = r.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const head = expectedSeq - 1;
  if (!lastSigned) {
    return bad(
      head,
      `the newest event ${head} is not signed: the log's tail was not written by this station`,
    );
  }

  const all = [...anchors.values()].flat();
  for (const a of all) {
    // Those the walk did not reach: past the end (a checkpoint that is not the station's own
    // says nothing about truncation), or pinned to no event at all.
    const problem = anchorProblem(a);
    if (problem) return bad(a.checkpoint.headSeq, problem);
  }
  const beyond = all.filter((a) => a.checkpoint.headSeq > head);
  const furthest = beyond.sort((a, b) => b.checkpoint.headSeq - a.checkpoint.headSeq)[0];
  if (furthest) {
    const end = furthest.checkpoint.headSeq;
    return bad(
      head + 1,
      `the log ends at event ${head} but ${furthest.label} covers up to event ${end}: ` +
        `events ${head + 1}–${end} are missing (the log was truncated)`,
    );
  }

  if (external) {
    const mine = stored[external.number - 1];
    if (!mine) {
      return bad(
        external.headSeq,
        `the station holds ${stored.length} checkpoint(s) but not number ${external.number}, ` +
          'which is held elsewhere: its checkpoints were dropped',
      );
    }
    if (canonicalJson(mine) !== canonicalJson(external)) {
      return bad(
        Math.min(mine.headSeq, external.headSeq),
        `the station's checkpoint ${mine.number} differs from the one held elsewhere: ` +
          'its log was restored from an older copy or forked since',
      );
    }
  }

  if (corrections.length > 0) {
    const seqOf = db.prepare<[string], { seq: number }>('SELECT seq FROM events WHERE id = ?');
    for (const c of corrections) {
      const target = seqOf.get(c.corrects)?.seq;
      if (target === undefined || target >= c.seq) {
        return bad(c.seq, `event ${c.seq} corrects event ${c.corrects}, which is not before it`);
      }
    }
  }
  return { ok: true, checked, checkpoints, firstBadSeq: null, problem: null };
}

/** What is wrong with a checkpoint on its own (its station, its signature), or null. */
function checkpointProblem(
  c: LogCheckpoint,
  label: string,
  publicKey: KeyObject,
  stationId: string,
): string | null {
  if (c.stationId !== stationId) return `${label} belongs to station ${c.stationId}`;
  if (!isCanonicalBase64(c.signature) || !checkpointSignatureHolds(publicKey, c)) {
    return `${label} has a signature that does not verify with the station key`;
  }
  if (c.logSize !== c.headSeq) {
    return `${label} says the log held ${c.logSize} events up to event ${c.headSeq}`;
  }
  return null;
}

/**
 * The signature as written, not just the bytes it decodes to: base64 text has spare bits and
 * Node's decoder skips stray characters, so two different texts can decode alike. A stored
 * signature must be the exact text the station wrote.
 */
function isCanonicalBase64(text: string): boolean {
  return Buffer.from(text, 'base64').toString('base64') === text;
}

function signatureHolds(publicKey: KeyObject, hashHex: string, signature: string): boolean {
  return isCanonicalBase64(signature) && verifyHashSignature(publicKey, hashHex, signature);
}
