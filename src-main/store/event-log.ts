import type { KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  eventPayloads,
  type EventPayload,
  type EventType,
} from '../../src-shared/events/catalogue';
import { CORRECTS_SUBJECT } from '../../src-shared/events/schemas';
import type { Db } from './database';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, hashRow } from './event-hash';
import { signHash } from './station-identity';

export const SYSTEM_ACTOR = 'system';

export interface NewEvent<T extends EventType = EventType> {
  type: T;
  payload: EventPayload<T>;
  /** User id of whoever caused it, or 'system'. */
  actor: string;
  /** A second actor on the same fact: the QC manager who signed off. */
  coActor?: string | null;
  /** Ids this event concerns, as `kind:id` (lot:…, delivery:…, supplier:…). */
  subjects?: readonly string[];
  reason?: string | null;
  /**
   * The id of an earlier event this one corrects. Nothing is edited: the correction is a new
   * event, and this reference is kept among its subjects as `corrects:<id>` (hashed and signed).
   */
  corrects?: string;
}

export interface StoredEvent {
  seq: number;
  id: string;
  stationId: string;
  recordedAt: number;
  actor: string;
  coActor: string | null;
  type: string;
  subjects: string[];
  /** The subjects as stored and hashed (a JSON array). */
  subjectsJson: string;
  payloadJson: string;
  reason: string | null;
  prevHash: string;
  hash: string;
  signature: string | null;
}

export type EventRow = {
  seq: number;
  id: string;
  station_id: string;
  recorded_at: number;
  actor: string;
  co_actor: string | null;
  type: string;
  subjects: string;
  payload: string;
  reason: string | null;
  prev_hash: string;
  hash: string;
  signature: string | null;
};

export function eventFromRow(r: EventRow): StoredEvent {
  return {
    seq: r.seq,
    id: r.id,
    stationId: r.station_id,
    recordedAt: r.recorded_at,
    actor: r.actor,
    coActor: r.co_actor,
    type: r.type,
    subjects: JSON.parse(r.subjects) as string[],
    subjectsJson: r.subjects,
    payloadJson: r.payload,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
    signature: r.signature,
  };
}

interface PreparedEvent {
  type: string;
  actor: string;
  coActor: string | null;
  subjects: string[];
  subjectsJson: string;
  payload: unknown;
  payloadJson: string;
  reason: string | null;
}

/** Writes the projections of one event; runs inside the append's transaction. */
export type Projector = (event: StoredEvent, payload: unknown) => void;

export class EventValidationError extends Error {
  constructor(
    readonly eventType: string,
    detail: string,
  ) {
    super(`Event ${eventType} is malformed: ${detail}`);
    this.name = 'EventValidationError';
  }
}

export interface EventLogOptions {
  db: Db;
  stationId: string;
  privateKey: KeyObject;
  project: Projector;
  clock?: () => number;
}

/**
 * The append-only, hash-chained, signed event log. Every append validates the payloads, chains
 * and hashes each row, signs the last one, and writes the projections — all in one transaction,
 * so the tables never show a fact the log does not hold, and vice versa.
 */
export class EventLog {
  private readonly db: Db;
  private readonly stationId: string;
  private readonly privateKey: KeyObject;
  private readonly project: Projector;
  private readonly clock: () => number;
  private readonly insertEvent;
  private readonly insertSubject;
  private readonly selectHead;
  private readonly selectId;
  private readonly listeners = new Set<(events: readonly StoredEvent[]) => void>();
  private readonly failureListeners = new Set<(err: unknown) => void>();
  /** Events committed inside an outer `transaction()` are announced only after it commits. */
  private pendingAnnouncements: StoredEvent[] | null = null;

  constructor(options: EventLogOptions) {
    this.db = options.db;
    this.stationId = options.stationId;
    this.privateKey = options.privateKey;
    this.project = options.project;
    this.clock = options.clock ?? Date.now;
    this.insertEvent = this.db.prepare(
      // Positional parameters: binding by name costs about twice as much on this hot path.
      `INSERT INTO events (seq, id, station_id, recorded_at, actor, co_actor, type, subjects, payload, reason, prev_hash, hash, signature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSubject = this.db.prepare(
      'INSERT OR IGNORE INTO event_subjects (subject, seq) VALUES (?, ?)',
    );
    this.selectHead = this.db
      .prepare<[], { seq: number; hash: string }>(
        'SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1',
      )
      .raw(false);
    this.selectId = this.db.prepare<[string], { seq: number }>(
      'SELECT seq FROM events WHERE id = ?',
    );
  }

  /** Called with the events of every committed append (after the outermost commit). */
  onAppended(listener: (events: readonly StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called when an outermost transaction fails and has been rolled back (e.g. SQLITE_FULL: the
   * storage guard then refuses scans until there is room). Nothing of it was written.
   */
  onFailed(listener: (err: unknown) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  head(): { seq: number; hash: string } {
    return this.selectHead.get() ?? { seq: 0, hash: GENESIS_HASH };
  }

  append<T extends EventType>(event: NewEvent<T>): StoredEvent {
    const [stored] = this.appendMany([event]);
    if (!stored) throw new Error('append produced no event');
    return stored;
  }

  /** Appends events in one transaction; the last one carries the Ed25519 signature. */
  appendMany(events: readonly NewEvent[]): StoredEvent[] {
    if (events.length === 0) return [];
    const prepared = events.map((e) => this.validate(e));
    return this.transaction(() => {
      // The head is read inside the transaction: with one writer connection nobody can append
      // between this read and our inserts, and a rolled-back append leaves nothing to forget.
      const head = this.head();
      let seq = head.seq;
      let prevHash = head.hash;
      const out: StoredEvent[] = new Array<StoredEvent>(prepared.length);
      const last = prepared.length - 1;
      for (let i = 0; i <= last; i += 1) {
        const p = prepared[i] as PreparedEvent;
        seq += 1;
        // One object per event: it is hashed, inserted, projected and returned as is.
        const event: StoredEvent = {
          seq,
          id: uuidv7(),
          stationId: this.stationId,
          recordedAt: this.clock(),
          actor: p.actor,
          coActor: p.coActor,
          type: p.type,
          subjects: p.subjects,
          subjectsJson: p.subjectsJson,
          payloadJson: p.payloadJson,
          reason: p.reason,
          prevHash,
          hash: '',
          signature: null,
        };
        event.hash = hashRow(event);
        if (i === last) event.signature = signHash(this.privateKey, event.hash);
        this.insertEvent.run(
          seq,
          event.id,
          event.stationId,
          event.recordedAt,
          event.actor,
          event.coActor,
          event.type,
          event.subjectsJson,
          event.payloadJson,
          event.reason,
          prevHash,
          event.hash,
          event.signature,
        );
        for (const subject of p.subjects) this.insertSubject.run(subject, seq);
        this.project(event, p.payload);
        out[i] = event;
        prevHash = event.hash;
      }
      this.pendingAnnouncements?.push(...out);
      return out;
    });
  }

  /**
   * Runs `fn` in a transaction (nesting allowed). Announcements of events appended inside it
   * wait for the outermost commit and are dropped on rollback.
   */
  transaction<R>(fn: () => R): R {
    const outermost = this.pendingAnnouncements === null;
    if (outermost) this.pendingAnnouncements = [];
    const before = this.pendingAnnouncements?.length ?? 0;
    let result: R;
    try {
      result = this.db.transaction(() => {
        const r = fn();
        if (r instanceof Promise) throw new Error('event log transactions must be synchronous');
        return r;
      })();
    } catch (err) {
      if (outermost) this.pendingAnnouncements = null;
      else this.pendingAnnouncements?.splice(before);
      if (outermost) for (const l of this.failureListeners) l(err);
      throw err;
    }
    if (outermost) {
      const committed = this.pendingAnnouncements ?? [];
      this.pendingAnnouncements = null;
      if (committed.length > 0) for (const l of this.listeners) l(committed);
    }
    return result;
  }

  private validate(e: NewEvent): PreparedEvent {
    const schema = eventPayloads[e.type];
    if (!schema) throw new EventValidationError(e.type, 'unknown event type');
    const parsed = schema.safeParse(e.payload);
    if (!parsed.success) {
      throw new EventValidationError(
        e.type,
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    if (!e.actor) throw new EventValidationError(e.type, 'actor is required');
    const payloadJson = canonicalJson(parsed.data);
    const subjects = [...new Set(e.subjects ?? [])];
    if (e.corrects !== undefined) {
      // Events are never deleted, so an event found here is still there when this one commits.
      if (this.selectId.get(e.corrects) === undefined) {
        throw new EventValidationError(e.type, `corrects ${e.corrects}, which is not in the log`);
      }
      const reference = `${CORRECTS_SUBJECT}${e.corrects}`;
      if (!subjects.includes(reference)) subjects.push(reference);
    }
    return {
      type: e.type,
      actor: e.actor,
      coActor: e.coActor ?? null,
      subjects,
      subjectsJson: JSON.stringify(subjects),
      payload: parsed.data,
      payloadJson,
      reason: e.reason ?? null,
    };
  }
}
