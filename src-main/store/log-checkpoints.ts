import { hash, type KeyObject } from 'node:crypto';
import {
  CHECKPOINT_KIND,
  logCheckpointSchema,
  type LogCheckpoint,
} from '../../src-shared/sync/protocol';
import { canonicalJson } from './canonical-json';
import type { Db } from './database';
import { signHash, verifyHashSignature } from './station-identity';

/** How many events the log grows by between two checkpoints, unless the station says otherwise. */
export const DEFAULT_CHECKPOINT_EVERY = 1000;

const KIND = CHECKPOINT_KIND;

// The checkpoint's shape is part of the sync protocol: head office parses the same schema.
export { logCheckpointSchema, type LogCheckpoint };

type CheckpointRow = {
  number: number;
  station_id: string;
  log_size: number;
  head_seq: number;
  head_hash: string;
  created_at: number;
  signature: string;
};

function fromRow(r: CheckpointRow): LogCheckpoint {
  return {
    kind: KIND,
    version: 1,
    number: r.number,
    stationId: r.station_id,
    logSize: r.log_size,
    headSeq: r.head_seq,
    headHash: r.head_hash,
    createdAt: r.created_at,
    signature: r.signature,
  };
}

/**
 * What the signature covers: every field but the signature, as RFC 8785 JSON, hashed. The
 * `kind` field keeps a checkpoint signature from ever standing for an event's (whose signed
 * hash is over a row with other keys).
 */
export function checkpointDigest(c: Omit<LogCheckpoint, 'signature'>): string {
  return hash(
    'sha256',
    canonicalJson({
      kind: c.kind,
      version: c.version,
      number: c.number,
      stationId: c.stationId,
      logSize: c.logSize,
      headSeq: c.headSeq,
      headHash: c.headHash,
      createdAt: c.createdAt,
    }),
    'hex',
  );
}

export function checkpointSignatureHolds(publicKey: KeyObject, c: LogCheckpoint): boolean {
  return verifyHashSignature(publicKey, checkpointDigest(c), c.signature);
}

/** Every stored checkpoint, oldest first. */
export function storedCheckpoints(db: Db): LogCheckpoint[] {
  return db
    .prepare<[], CheckpointRow>('SELECT * FROM log_checkpoints ORDER BY number')
    .all()
    .map(fromRow);
}

/** A checkpoint file as head office holds it; throws with a readable reason. */
export function parseCheckpoint(text: string): LogCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('the checkpoint is not JSON');
  }
  const parsed = logCheckpointSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `the checkpoint is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export interface LogCheckpointsOptions {
  db: Db;
  stationId: string;
  privateKey: KeyObject;
  /** Write a checkpoint once the log has grown by this many events since the last one. */
  every?: number;
  clock?: () => number;
}

/**
 * Writes the station's checkpoints: every `every` events (called after each committed append)
 * and when the station closes. Only a process that appended writes one: a command that merely
 * reads the log never signs whatever state it finds.
 */
export class LogCheckpoints {
  private readonly db: Db;
  private readonly stationId: string;
  private readonly privateKey: KeyObject;
  private readonly every: number;
  private readonly clock: () => number;
  private readonly selectHead;
  private readonly selectLatest;
  private readonly insert;
  /** Head seq of the latest checkpoint this process knows of (read once, then kept). */
  private lastSeq: number;
  private appended = false;

  constructor(options: LogCheckpointsOptions) {
    this.db = options.db;
    this.stationId = options.stationId;
    this.privateKey = options.privateKey;
    this.every = Math.max(1, options.every ?? DEFAULT_CHECKPOINT_EVERY);
    this.clock = options.clock ?? Date.now;
    this.selectHead = this.db.prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1',
    );
    this.selectLatest = this.db.prepare<[], CheckpointRow>(
      'SELECT * FROM log_checkpoints ORDER BY number DESC LIMIT 1',
    );
    this.insert = this.db.prepare(
      `INSERT INTO log_checkpoints (number, station_id, log_size, head_seq, head_hash, created_at, signature)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lastSeq = this.latest()?.headSeq ?? 0;
  }

  latest(): LogCheckpoint | null {
    const row = this.selectLatest.get();
    return row ? fromRow(row) : null;
  }

  /** After a committed append whose newest event is `headSeq`: a checkpoint if one is due. */
  appendedUpTo(headSeq: number): void {
    this.appended = true;
    // A plain comparison on the hot path; the checkpoint itself costs one signature and one
    // commit per `every` events.
    if (headSeq - this.lastSeq < this.every) return;
    try {
      this.write();
    } catch {
      // The append has committed: a failed checkpoint must not make it look failed. The next
      // append tries again (lastSeq did not move), and so does close(), which does not hide it.
    }
  }

  /** When the station closes: a checkpoint of the head, if this process appended since the last. */
  close(): void {
    if (this.appended) this.write();
  }

  /**
   * Signs and stores a checkpoint of the current head, unless the latest one already covers it.
   * Head, number and insert share one transaction, so the number has no gaps and the head is
   * the one committed.
   */
  write(): LogCheckpoint | null {
    const written = this.db.transaction((): LogCheckpoint | null => {
      const head = this.selectHead.get();
      const latest = this.latest();
      if (!head || (latest && latest.headSeq >= head.seq)) return null;
      const unsigned = {
        kind: KIND,
        version: 1,
        number: (latest?.number ?? 0) + 1,
        stationId: this.stationId,
        logSize: head.seq,
        headSeq: head.seq,
        headHash: head.hash,
        createdAt: this.clock(),
      } as const;
      const checkpoint: LogCheckpoint = {
        ...unsigned,
        signature: signHash(this.privateKey, checkpointDigest(unsigned)),
      };
      this.insert.run(
        checkpoint.number,
        checkpoint.stationId,
        checkpoint.logSize,
        checkpoint.headSeq,
        checkpoint.headHash,
        checkpoint.createdAt,
        checkpoint.signature,
      );
      return checkpoint;
    })();
    const covered = written ?? this.latest();
    if (covered) this.lastSeq = covered.headSeq;
    return written;
  }
}
