import type {
  DeadLetter,
  SyncRoundResult,
  SyncSettings,
  SyncStatus,
} from '../../src-shared/api/domain-sync';
import type { PushBus } from '../api/push-bus';
import type { Repos } from '../store/repos';
import type { SyncService } from './sync-service';

export interface SyncLoopOptions {
  service: SyncService;
  repos: Repos;
  bus: PushBus;
  settings: () => SyncSettings;
  clock?: () => number;
  /** Called when a round throws something unexpected (a bug, not a network error). */
  onError?: (err: unknown) => void;
}

const DEAD_LETTER_KINDS = new Set<DeadLetter['kind']>([
  'events',
  'photo',
  'master-data',
  'checkpoint',
]);

/**
 * The station's background sync: a round every `intervalSeconds` (and on "sync now"), one round
 * at a time, with its progress pushed to every screen. Rounds never overlap: "sync now" during
 * a round waits for it and answers its result.
 */
export class SyncLoop {
  private readonly clock: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncRoundResult> | null = null;
  private stopped = true;

  constructor(private readonly o: SyncLoopOptions) {
    this.clock = o.clock ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A round now, or the one under way. Not enrolled: an error saying so, nothing else happens. */
  syncNow(): Promise<SyncRoundResult> {
    if (this.running) return this.running;
    const round = (async () => {
      this.publish(true);
      try {
        return await this.o.service.runRound();
      } finally {
        this.running = null;
        this.publish(false);
      }
    })();
    this.running = round;
    return round;
  }

  private schedule(): void {
    if (this.stopped) return;
    const ms = this.o.settings().intervalSeconds * 1000;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.o.repos.sync.link()) {
        this.schedule();
        return;
      }
      this.syncNow()
        .catch((err: unknown) => this.o.onError?.(err))
        .finally(() => this.schedule());
    }, ms);
    // The loop alone must not keep a CLI process alive.
    this.timer.unref();
  }

  /** Progress within a round: pushed to every screen (the Sync screen's bar follows it). */
  publishProgress(): void {
    this.publish(true);
  }

  private publish(syncing: boolean): void {
    this.o.bus.emit('sync.progress', this.status(syncing));
  }

  status(syncing = this.running !== null): SyncStatus {
    const { repos } = this.o;
    const link = repos.sync.link();
    const headSeq = repos.events.count();
    const deadLetters = repos.sync.openDeadLetters().map((d): DeadLetter => ({
      id: d.id,
      at: d.at,
      kind: DEAD_LETTER_KINDS.has(d.kind as DeadLetter['kind'])
        ? (d.kind as DeadLetter['kind'])
        : 'events',
      code: d.code,
      message: d.message,
      seq: d.seq,
    }));
    if (!link) {
      return {
        state: 'not-configured',
        pendingEvents: headSeq,
        pendingPhotos: 0,
        ackedSeq: 0,
        headSeq,
        eventsPerSecond: null,
        lastSuccessAt: null,
        lastAttemptAt: null,
        lastError: null,
        endpoint: null,
        eventsPaused: null,
        offlineAlarm: false,
        deadLetters,
      };
    }
    const now = this.clock();
    const alarmAfter = this.o.settings().offlineAlarmMinutes * 60_000;
    const since = link.last_success_at ?? link.enrolled_at;
    const failing = link.last_error !== null;
    return {
      state: syncing ? 'syncing' : link.events_paused ? 'error' : failing ? 'offline' : 'idle',
      pendingEvents: headSeq - link.acked_seq,
      pendingPhotos: repos.sync.countPendingPhotos(),
      ackedSeq: link.acked_seq,
      headSeq,
      eventsPerSecond: this.o.service.lastRate,
      lastSuccessAt: link.last_success_at,
      lastAttemptAt: link.last_attempt_at,
      lastError: link.last_error,
      endpoint: link.central_url,
      eventsPaused: link.events_paused,
      offlineAlarm: now - since > alarmAfter,
      deadLetters,
    };
  }
}
