import { readFile } from 'node:fs/promises';
import type { SyncRoundResult } from '../../src-shared/api/domain-sync';
import type { EventType } from '../../src-shared/events/catalogue';
import {
  batchIdOf,
  MASTER_PAGE_SIZE,
  MAX_BATCH_EVENTS,
  type MasterChange,
  type MasterDataPage,
  type WireEvent,
} from '../../src-shared/sync/protocol';
import { AppError } from '../api/app-error';
import type { Db } from '../store/database';
import type { EventLog, EventRow } from '../store/event-log';
import { GENESIS_HASH } from '../store/event-hash';
import { storedCheckpoints } from '../store/log-checkpoints';
import type { Repos } from '../store/repos';
import type { StationKeys } from '../store/station-identity';
import { SYSTEM_ACTOR } from '../store/event-log';
import type { PhotoStore } from '../vision/photo-store';
import { SOFTWARE_VERSION } from '../version';
import { CentralClient, CentralError, type PreparedBody } from './central-client';
import { applyMasterData } from './master-data-apply';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';

export interface SyncServiceOptions {
  db: Db;
  repos: Repos;
  log: EventLog;
  keys: StationKeys;
  stationId: string;
  photos: PhotoStore;
  clock?: () => number;
  retry?: RetryPolicy;
  /** Preferred batch: this many events or this many bytes of JSON, whichever comes first. */
  batchEvents?: number;
  batchBytes?: number;
  timeoutMs?: number;
  /** Called when head office changed settings, so that cached settings are re-read. */
  onSettingsApplied?: (keys: string[]) => void;
  /** Progress within a round (events acknowledged so far), for the Sync screen. */
  onProgress?: () => void;
}

/**
 * The events that carry photos (a `photos` array of SHA-256): only these are read to find the
 * photos to upload. A test checks the list against the event catalogue.
 */
export const PHOTO_EVENT_TYPES: readonly EventType[] = [
  'inspection.unit-recorded',
  'complaint.recorded',
  'counterfeit.confirmed',
];

/** A photo's SHA-256 as the payloads carry it (quoted lowercase hex). */
const PHOTO_REF = /"([0-9a-f]{64})"/g;

/** An event row as the protocol carries it (the exact texts the station hashed). */
export function toWire(r: EventRow): WireEvent {
  return {
    seq: r.seq,
    id: r.id,
    stationId: r.station_id,
    recordedAt: r.recorded_at,
    actor: r.actor,
    coActor: r.co_actor,
    type: r.type,
    subjects: r.subjects,
    payload: r.payload,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
    signature: r.signature,
  };
}

/**
 * A batch per request of about this size: large enough that head office's per-batch costs (a
 * row lock, a commit and its WAL flush) are spread thin, small enough to resend cheaply.
 */
const PREFERRED_BATCH_EVENTS = 2000;
const PREFERRED_BATCH_BYTES = 2 * 1024 * 1024;

interface Prepared {
  /** The acknowledged mark this batch follows. */
  after: number;
  last: number;
  body: PreparedBody;
}

const wireSize = (r: EventRow) => r.payload.length + r.subjects.length + 400;

/**
 * One sync round with head office: learn where it stands, pull master data, upload the
 * events it has not acknowledged (in order, in signed batches), the checkpoints, and the photos
 * the acknowledged events refer to. Every step is idempotent and records its progress only
 * after head office has answered, so a round cut anywhere (network, SIGKILL of either side)
 * is simply continued by the next one: nothing is lost, nothing is stored twice.
 */
export class SyncService {
  private readonly clock: () => number;
  private readonly retry: RetryPolicy;
  private readonly batchEvents: number;
  private readonly batchBytes: number;
  private readonly photoPayloads;
  /** Events per second of the last round that uploaded any. */
  lastRate: number | null = null;

  constructor(private readonly o: SyncServiceOptions) {
    this.clock = o.clock ?? Date.now;
    this.retry = o.retry ?? DEFAULT_RETRY;
    this.batchEvents = Math.min(o.batchEvents ?? PREFERRED_BATCH_EVENTS, MAX_BATCH_EVENTS);
    this.batchBytes = o.batchBytes ?? PREFERRED_BATCH_BYTES;
    this.photoPayloads = o.repos.events.payloadsOfTypes(PHOTO_EVENT_TYPES);
  }

  private client(): CentralClient {
    const link = this.o.repos.sync.link();
    if (!link) {
      throw new AppError(
        'refused',
        'This station is not enrolled with head office yet: an admin enrolls it with the URL and a one-time code.',
      );
    }
    return new CentralClient({
      baseUrl: link.central_url,
      stationId: this.o.stationId,
      privateKey: this.o.keys.privateKey,
      clock: this.clock,
      clockOffsetMs: () => this.o.repos.sync.link()?.clock_offset_ms ?? 0,
      ...(this.o.timeoutMs ? { timeoutMs: this.o.timeoutMs } : {}),
    });
  }

  /**
   * Enrolls with head office using an admin's one-time code. Head office answers where it
   * stands for this station (0 for a new one; more when a station is re-enrolled).
   */
  async enroll(centralUrl: string, code: string, actor: string): Promise<{ ackedSeq: number }> {
    const client = new CentralClient({
      baseUrl: centralUrl,
      stationId: this.o.stationId,
      privateKey: this.o.keys.privateKey,
      clock: this.clock,
      ...(this.o.timeoutMs ? { timeoutMs: this.o.timeoutMs } : {}),
    });
    let state;
    try {
      state = await withRetry(this.retry, () =>
        client.enroll({
          code,
          stationId: this.o.stationId,
          publicKeyPem: this.o.keys.publicKeyPem,
          softwareVersion: SOFTWARE_VERSION,
        }),
      );
    } catch (err) {
      if (err instanceof CentralError && !err.retryable) {
        throw new AppError('invalid_input', `Head office refused the enrollment: ${err.message}`);
      }
      if (err instanceof CentralError) throw new AppError('unavailable', err.message);
      throw err;
    }
    const url = centralUrl.replace(/\/+$/, '');
    this.o.log.transaction(() => {
      this.o.repos.sync.enroll(url, this.clock(), state.ackedSeq, state.ackedHash);
      this.o.log.append({
        type: 'station.enrolled',
        payload: { centralUrl: url, ackedSeq: state.ackedSeq },
        actor: actor || SYSTEM_ACTOR,
        subjects: [`station:${this.o.stationId}`],
      });
    });
    return { ackedSeq: state.ackedSeq };
  }

  async runRound(): Promise<SyncRoundResult> {
    const result: SyncRoundResult = {
      uploadedEvents: 0,
      uploadedPhotos: 0,
      pulledChanges: 0,
      ackedSeq: this.o.repos.sync.link()?.acked_seq ?? 0,
      errors: [],
    };
    const sync = this.o.repos.sync;
    const client = this.client();
    sync.attempted(this.clock());
    const reauth = async () => {
      // Signed requests fail with 401 when the clocks disagree by more than 5 minutes.
      const serverTime = await client.serverTime();
      sync.setClockOffset(serverTime - this.clock());
    };
    const call = <T>(fn: () => Promise<T>) => withRetry(this.retry, fn, reauth);
    try {
      await this.reconcile(await call(() => client.station()));
      result.pulledChanges = await this.pullMasterData(client, call);
      result.uploadedEvents = await this.uploadEvents(client, call);
      await this.uploadCheckpoints(client, call);
      result.uploadedPhotos = await this.uploadPhotos(client, call);
      sync.succeeded(this.clock());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      sync.failed(message);
      result.errors.push(message);
    }
    const paused = sync.link()?.events_paused;
    if (paused && !result.errors.includes(paused)) result.errors.push(paused);
    result.ackedSeq = sync.link()?.acked_seq ?? 0;
    return result;
  }

  /** Head office is the judge of what it holds; a log behind it or different from it stops. */
  private async reconcile(state: { ackedSeq: number; ackedHash: string }): Promise<void> {
    const sync = this.o.repos.sync;
    const head = this.o.log.head();
    if (state.ackedSeq > head.seq) {
      this.refuseEvents(
        'checkpoint-conflict',
        `Head office holds ${state.ackedSeq} events from this station but its log has only ${head.seq}: the log was cut or restored from an old backup. Nothing is uploaded until this is resolved.`,
        head.seq,
      );
      return;
    }
    const ours = state.ackedSeq === 0 ? GENESIS_HASH : this.o.repos.events.hashAt(state.ackedSeq);
    if (ours !== state.ackedHash) {
      this.refuseEvents(
        'chain-broken',
        `Event ${state.ackedSeq} at head office differs from this station's: the log was rewritten. Nothing is uploaded until this is resolved.`,
        state.ackedSeq,
      );
      return;
    }
    sync.setAcked(state.ackedSeq, state.ackedHash);
    await Promise.resolve();
  }

  private refuseEvents(code: string, message: string, seq: number | null): void {
    const sync = this.o.repos.sync;
    if (sync.link()?.events_paused === message) return;
    sync.addDeadLetter(this.clock(), 'events', code, message, seq);
    sync.pauseEvents(message);
  }

  private async pullMasterData(
    client: CentralClient,
    call: <T>(fn: () => Promise<T>) => Promise<T>,
  ): Promise<number> {
    const sync = this.o.repos.sync;
    let pulled = 0;
    let cursor = sync.link()?.master_cursor ?? 0;
    let snapshot: MasterChange[] | null = null;
    for (let pages = 0; pages < 10_000; pages += 1) {
      const inSnapshot: boolean = snapshot !== null;
      const page: MasterDataPage = await call(() =>
        client.masterData(cursor, MASTER_PAGE_SIZE, inSnapshot),
      );
      pulled += page.changes.length;
      if (page.fullRefresh) {
        // A snapshot is applied only once all its pages are here: one transaction, the whole copy.
        snapshot = [...(snapshot ?? []), ...page.changes];
        cursor = page.nextCursor;
        if (page.more) continue;
        this.apply(snapshot, page.nextCursor, true);
        snapshot = null;
      } else {
        this.apply(page.changes, page.nextCursor, false);
      }
      cursor = page.nextCursor;
      if (!page.more) break;
    }
    return pulled;
  }

  private apply(changes: readonly MasterChange[], nextCursor: number, full: boolean): void {
    const applied = applyMasterData(this.o.log, this.o.repos, changes, nextCursor, full);
    for (const r of applied.refused) {
      this.o.repos.sync.addDeadLetter(
        this.clock(),
        'master-data',
        'refused-by-station',
        `Head office's ${r.kind} ${r.key} (change ${r.cursor}) was not applied: ${r.why}`,
        null,
      );
    }
    if (applied.settingKeys.length > 0) this.o.onSettingsApplied?.(applied.settingKeys);
  }

  private async uploadEvents(
    client: CentralClient,
    call: <T>(fn: () => Promise<T>) => Promise<T>,
  ): Promise<number> {
    const sync = this.o.repos.sync;
    let uploaded = 0;
    const started = this.clock();
    let prepared: Prepared | null = null;
    for (;;) {
      const link = sync.link();
      if (!link || link.events_paused) break;
      const current = prepared?.after === link.acked_seq ? prepared : this.prepare(link.acked_seq);
      prepared = null;
      if (!current) break;
      try {
        const inFlight = call(() => client.uploadBatch(current.body));
        // While head office verifies and commits this batch, encode the next one (assuming this
        // one is acknowledged; if not, it is thrown away and prepared again from the real mark).
        await new Promise((resolve) => setImmediate(resolve));
        prepared = this.prepare(current.last);
        const ack = await inFlight;
        uploaded += ack.stored;
        // Recorded only now: head office answers after its commit, so this never runs ahead of it.
        sync.setAcked(ack.ackedSeq, ack.ackedHash);
        this.o.onProgress?.();
      } catch (err) {
        prepared = null;
        if (!(err instanceof CentralError) || err.retryable) throw err;
        if (err.code === 'gap' && err.body?.ackedSeq !== undefined) {
          // Head office is behind what we thought (a batch lost in flight, or it was restored):
          // start again right after what it holds.
          await this.reconcile({
            ackedSeq: err.body.ackedSeq,
            ackedHash:
              err.body.ackedSeq === 0
                ? GENESIS_HASH
                : (this.o.repos.events.hashAt(err.body.ackedSeq) ?? ''),
          });
          continue;
        }
        this.refuseEvents(
          err.code,
          `Head office refused events: ${err.message}`,
          err.body?.seq ?? null,
        );
        break;
      }
    }
    const seconds = (this.clock() - started) / 1000;
    if (uploaded > 0 && seconds > 0) this.lastRate = uploaded / seconds;
    return uploaded;
  }

  /** The batch after `acked`, encoded for the wire; null when there is nothing to send. */
  private prepare(acked: number): Prepared | null {
    const events = this.nextBatch(acked);
    const last = events.at(-1);
    if (!last) return null;
    return {
      after: acked,
      last: last.seq,
      body: CentralClient.prepareBatch({ batchId: batchIdOf(events), events }),
    };
  }

  /**
   * The next events after `acked`, ending on a signed event: only the last event of each append
   * is signed, and the chain makes that signature cover the batch. Cut at the last signed event
   * within the preferred size; an append larger than that is sent whole (up to the protocol's
   * maximum).
   */
  private nextBatch(acked: number): WireEvent[] {
    // Enough rows to reach the signed event that ends the preferred batch; a larger append
    // (rare) is read up to the protocol's maximum.
    let rows = this.o.repos.events.after(acked, this.batchEvents + 64);
    if (!rows.some((r) => r.signature !== null)) {
      rows = this.o.repos.events.after(acked, MAX_BATCH_EVENTS);
    }
    let bytes = 0;
    let cut = -1;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as EventRow;
      bytes += wireSize(row);
      if (row.signature !== null) {
        if (cut >= 0 && (i + 1 > this.batchEvents || bytes > this.batchBytes)) break;
        cut = i;
        if (i + 1 >= this.batchEvents || bytes >= this.batchBytes) break;
      }
    }
    return rows.slice(0, cut + 1).map(toWire);
  }

  private async uploadCheckpoints(
    client: CentralClient,
    call: <T>(fn: () => Promise<T>) => Promise<T>,
  ): Promise<void> {
    const sync = this.o.repos.sync;
    const link = sync.link();
    if (!link || link.events_paused) return;
    // Only checkpoints of events head office holds: it checks each against its copy.
    const due = storedCheckpoints(this.o.db).filter(
      (c) => c.number > link.checkpoints_sent && c.headSeq <= link.acked_seq,
    );
    for (let i = 0; i < due.length; i += 500) {
      const slice = due.slice(i, i + 500);
      try {
        await call(() => client.uploadCheckpoints(slice));
      } catch (err) {
        if (!(err instanceof CentralError) || err.retryable) throw err;
        this.refuseEvents(err.code, `Head office refused a checkpoint: ${err.message}`, null);
        return;
      }
      sync.setCheckpointsSent(slice.at(-1)?.number ?? link.checkpoints_sent);
    }
  }

  /** Photos of acknowledged events, by hash: HEAD first, PUT only what head office lacks. */
  private async uploadPhotos(
    client: CentralClient,
    call: <T>(fn: () => Promise<T>) => Promise<T>,
  ): Promise<number> {
    const sync = this.o.repos.sync;
    this.queuePhotos();
    let uploaded = 0;
    for (;;) {
      const pending = sync.pendingPhotos(50);
      if (pending.length === 0) break;
      for (const sha256 of pending) {
        let bytes: Buffer;
        try {
          bytes = await readFile(this.o.photos.path(sha256));
        } catch {
          sync.addDeadLetter(
            this.clock(),
            'photo',
            'missing',
            `Photo ${sha256} is referred to by the log but its file is missing from this station.`,
            null,
          );
          sync.photoUploaded(sha256, this.clock());
          continue;
        }
        if (!(await call(() => client.hasPhoto(sha256)))) {
          try {
            await call(() => client.putPhoto(sha256, bytes));
            uploaded += 1;
          } catch (err) {
            if (!(err instanceof CentralError) || err.retryable) throw err;
            sync.addDeadLetter(this.clock(), 'photo', err.code, err.message, null);
          }
        }
        sync.photoUploaded(sha256, this.clock());
      }
    }
    return uploaded;
  }

  /** Finds the photos that acknowledged events refer to and queues the ones stored here. */
  private queuePhotos(): void {
    const sync = this.o.repos.sync;
    const link = sync.link();
    if (!link || link.photos_scanned_seq >= link.acked_seq) return;
    const upTo = link.acked_seq;
    this.o.log.transaction(() => {
      for (const row of this.photoPayloads(link.photos_scanned_seq, upTo)) {
        for (const m of row.payload.matchAll(PHOTO_REF)) {
          const sha = m[1] as string;
          if (this.o.photos.has(sha)) sync.queuePhoto(sha, row.seq);
        }
      }
      sync.setPhotosScanned(upTo);
    });
  }

  /** Dead letters of one kind dealt with; for events, the upload resumes from head office's mark. */
  resolve(kind: string, by: string): void {
    const sync = this.o.repos.sync;
    sync.resolveDeadLetters(this.clock(), by, kind);
    if (kind === 'events' || kind === 'checkpoint') sync.pauseEvents(null);
  }
}
