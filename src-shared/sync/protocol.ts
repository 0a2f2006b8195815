/**
 * The station ↔ head-office sync protocol (docs/sync-protocol.md): every message both sides
 * exchange, declared once with zod so that the station's client and the central service parse
 * the same shapes. Pure: hashing and signatures are done by the callers (node:crypto).
 */
import { z } from 'zod';
import type { EventType } from '../events/catalogue';

export const PROTOCOL_VERSION = 1;

/** Requests signed longer ago (or further ahead) than this are refused as replays. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A batch stays below both bounds (uncompressed JSON), so one request never grows unbounded. */
export const MAX_BATCH_EVENTS = 10_000;
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** What the central service accepts after gunzip: a bound that a gzip bomb cannot pass. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

export const HEADER = {
  station: 'x-qcs-station',
  timestamp: 'x-qcs-timestamp',
  signature: 'x-qcs-signature',
} as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');
const stationId = z.string().min(1).max(64);

/**
 * What a station signs for every request after enrollment: method, path with query, the
 * timestamp it sends, and the SHA-256 of the exact body bytes (before gzip; empty body = hash of
 * nothing). The version prefix keeps this signature from ever standing for an event's or a
 * checkpoint's.
 */
export function signingString(
  method: string,
  pathWithQuery: string,
  timestampMs: number,
  bodySha256: string,
): string {
  return `QCS-SYNC-1\n${method.toUpperCase()}\n${pathWithQuery}\n${timestampMs}\n${bodySha256}`;
}

export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// ---- Enrollment ---------------------------------------------------------------------------

export const enrollRequest = z
  .object({
    code: z.string().trim().min(8).max(64),
    stationId,
    /** SPKI PEM of the station's Ed25519 key: every later request and event is checked with it. */
    publicKeyPem: z.string().min(40).max(1000),
    name: z.string().max(120).optional(),
    softwareVersion: z.string().max(40),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequest>;

/** Head office's view of one station's upload: the acknowledged high-water mark. */
export const stationState = z.object({
  stationId,
  ackedSeq: z.number().int().nonnegative(),
  /** Hash of event `ackedSeq` (64 zeros before the first). */
  ackedHash: sha256Hex,
  /** logSize of the largest checkpoint head office holds (0 = none). */
  checkpointSize: z.number().int().nonnegative(),
  serverTime: z.number().int(),
});
export type StationState = z.infer<typeof stationState>;

// ---- Events -------------------------------------------------------------------------------

/**
 * One event as stored in the station's log. `subjects` and `payload` travel as the exact JSON
 * text the station hashed, so head office recomputes the same SHA-256 without re-serialising.
 */
export const wireEvent = z
  .object({
    seq: z.number().int().positive(),
    id: z.string().min(1).max(64),
    stationId,
    recordedAt: z.number().int(),
    actor: z.string().min(1).max(64),
    coActor: z.string().max(64).nullable(),
    type: z.string().min(1).max(80),
    subjects: z.string().max(10_000),
    payload: z.string().max(1_000_000),
    reason: z.string().max(2000).nullable(),
    prevHash: sha256Hex,
    hash: sha256Hex,
    signature: z.string().max(200).nullable(),
  })
  .strict();
export type WireEvent = z.infer<typeof wireEvent>;

/**
 * Consecutive events, oldest first, ending on a signed event (the station cuts batches there,
 * so the signature covers the whole batch through the chain). `batchId` is the idempotency
 * key: `<stationId>:<first seq>-<last seq>:<last hash prefix>`.
 */
export const eventBatch = z
  .object({
    batchId: z.string().min(1).max(200),
    events: z.array(wireEvent).min(1).max(MAX_BATCH_EVENTS),
  })
  .strict();
export type EventBatch = z.infer<typeof eventBatch>;

export function batchIdOf(
  events: readonly Pick<WireEvent, 'seq' | 'hash' | 'stationId'>[],
): string {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) throw new Error('an empty batch has no id');
  return `${first.stationId}:${first.seq}-${last.seq}:${last.hash.slice(0, 16)}`;
}

export const batchAck = z.object({
  ackedSeq: z.number().int().nonnegative(),
  ackedHash: sha256Hex,
  /** Events of this batch stored now (0 when the whole batch was already there). */
  stored: z.number().int().nonnegative(),
});
export type BatchAck = z.infer<typeof batchAck>;

// ---- Checkpoints --------------------------------------------------------------------------

export const CHECKPOINT_KIND = 'qcs.log-checkpoint';

/**
 * A signed statement about the log: it held `logSize` events, the newest being `headSeq` with
 * `headHash`. The station writes it, head office keeps it; `qcs log verify --checkpoint FILE`
 * checks a station's log against it. Kept small and flat on purpose: it is read by people too.
 */
export const logCheckpointSchema = z
  .object({
    kind: z.literal(CHECKPOINT_KIND),
    version: z.literal(1),
    /** 1, 2, 3… per station, without gaps. */
    number: z.number().int().positive(),
    stationId,
    /** Events in the log up to and including the head (seq has no gaps: equal to headSeq). */
    logSize: z.number().int().nonnegative(),
    headSeq: z.number().int().nonnegative(),
    headHash: sha256Hex,
    /** ms since the epoch, station clock. */
    createdAt: z.number().int(),
    /** Ed25519 with the station key over the SHA-256 of the canonical JSON of the other fields. */
    signature: z.string().min(1),
  })
  .strict();
export type LogCheckpoint = z.infer<typeof logCheckpointSchema>;

export const checkpointUpload = z
  .object({ checkpoints: z.array(logCheckpointSchema).min(1).max(1000) })
  .strict();

// ---- Master data --------------------------------------------------------------------------

/**
 * Master data head office owns, and the station event each change becomes when applied. The
 * body of a change is exactly that event's payload, validated on both sides by the same schema.
 */
export const MASTER_KINDS = {
  supplier: 'supplier.upserted',
  sku: 'sku.upserted',
  template: 'template.upserted',
  delivery: 'delivery.expected',
  user: 'user.upserted',
  setting: 'settings.changed',
} as const satisfies Record<string, EventType>;
export type MasterKind = keyof typeof MASTER_KINDS;
export const masterKind = z.enum(Object.keys(MASTER_KINDS) as [MasterKind, ...MasterKind[]]);

export const masterChange = z.object({
  /** Head office's position of this change; the station pulls with `after=<last cursor>`. */
  cursor: z.number().int().positive(),
  kind: masterKind,
  /** The entity's id (supplierId, skuId…; the setting's key). */
  key: z.string().min(1).max(80),
  body: z.json(),
});
export type MasterChange = z.infer<typeof masterChange>;

export const MASTER_PAGE_SIZE = 500;

/**
 * One page of master data. With `fullRefresh` the page set (until `more` is false) is a
 * complete snapshot: the station replaces its copy in one transaction once it has all pages.
 *
 * Paging: `GET /v1/master-data?after=<cursor>&limit=<n>`. A snapshot continues with
 * `GET /v1/master-data?after=<nextCursor>&limit=<n>&refresh=1`, where a snapshot page that is
 * not the last has `nextCursor` = the cursor of its last change (the latest change per key,
 * ordered by cursor, continues after it); the last snapshot page has `nextCursor` = head
 * office's newest cursor, from which the station pulls normally again.
 */
export const masterDataPage = z.object({
  changes: z.array(masterChange).max(5000),
  nextCursor: z.number().int().nonnegative(),
  more: z.boolean(),
  fullRefresh: z.boolean(),
});
export type MasterDataPage = z.infer<typeof masterDataPage>;

// ---- Errors -------------------------------------------------------------------------------

export const SYNC_ERROR_CODES = [
  'bad-request',
  'unauthenticated',
  'replay',
  'unknown-station',
  'enrollment-refused',
  /** The batch starts after head office's high-water mark: resend from ackedSeq + 1. */
  'gap',
  /** A hash, a link or a signature does not verify: the batch is refused for good. */
  'chain-broken',
  /** The station's log is shorter than, or differs from, a checkpoint head office holds. */
  'checkpoint-conflict',
  'photo-mismatch',
  'too-large',
  'unavailable',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const syncErrorBody = z.object({
  error: z.enum(SYNC_ERROR_CODES),
  message: z.string(),
  /** With `gap` and `chain-broken`: where head office stands. */
  ackedSeq: z.number().int().nonnegative().optional(),
  /** With `chain-broken`: the first seq that failed. */
  seq: z.number().int().optional(),
});
export type SyncErrorBody = z.infer<typeof syncErrorBody>;
