import type { BackupSettings } from '../../src-shared/api/domain-backup';
import type { PushBus } from '../api/push-bus';
import type { Handlers } from '../api/registry';
import type { Db } from '../store/database';
import { SYSTEM_ACTOR, type EventLog } from '../store/event-log';
import type { StationKeys } from '../store/station-identity';
import { BackupScheduler, type BackupSchedulerOptions } from './backup-scheduler';
import { markStationRunning } from './station-lock';
import { StorageGuard, type StorageGuardOptions } from './storage-guard';

/** Timing knobs tests shorten (the defaults suit a station that runs all day). */
export interface DataSafetyOptions {
  backups?: Pick<BackupSchedulerOptions, 'timers' | 'checkEveryMs'>;
  storage?: Omit<StorageGuardOptions, 'db' | 'dataDir' | 'clock' | 'onStatus' | 'log'>;
}

export interface DataSafetyDeps {
  dataDir: string;
  db: Db;
  log: EventLog;
  keys: StationKeys;
  stationId: string;
  bus: PushBus;
  clock: () => number;
  settings: () => BackupSettings;
  logLine?: (line: string) => void;
}

export interface DataSafety {
  storage: StorageGuard;
  backups: BackupScheduler;
  handlers: Handlers<'backup.status' | 'backup.now' | 'storage.status'>;
  stop(): void;
}

/**
 * The running station's data safety: the storage guard (full disk), daily backups, and the
 * marker that tells `qcs db restore` a station is running on this data directory.
 */
export function startDataSafety(deps: DataSafetyDeps, options: DataSafetyOptions = {}): DataSafety {
  const { bus, log } = deps;
  const logLine = deps.logLine ? { log: deps.logLine } : {};
  const storage = new StorageGuard({
    ...options.storage,
    db: deps.db,
    dataDir: deps.dataDir,
    clock: deps.clock,
    onStatus: (status) => bus.emit('storage.status', status),
    ...logLine,
  });
  log.onFailed((err) => storage.noteFailure(err));
  storage.checkAtStart();

  const backups = new BackupScheduler({
    ...options.backups,
    db: deps.db,
    dataDir: deps.dataDir,
    owner: {
      stationId: deps.stationId,
      publicKey: deps.keys.publicKey,
      publicKeyPem: deps.keys.publicKeyPem,
    },
    settings: deps.settings,
    clock: deps.clock,
    onStatus: (status) => bus.emit('backup.status', status),
    onOutcome: (outcome) => {
      try {
        // In the log, so that backups show in the trace and reach head office with the rest.
        if (outcome.kind === 'completed') {
          const { file, bytes, headSeq } = outcome.record;
          log.append({
            type: 'backup.completed',
            payload: { file, bytes, headSeq, durationMs: outcome.durationMs },
            actor: SYSTEM_ACTOR,
            subjects: [`station:${deps.stationId}`],
          });
        } else {
          log.append({
            type: 'backup.failed',
            payload: { message: outcome.message },
            actor: SYSTEM_ACTOR,
            subjects: [`station:${deps.stationId}`],
          });
        }
      } catch {
        // A full disk may be why the backup failed: the status and the log line still say so.
      }
    },
    ...logLine,
  });
  backups.start();
  const releaseMarker = markStationRunning(deps.dataDir, deps.clock);

  return {
    storage,
    backups,
    handlers: {
      'backup.status': () => backups.status(),
      'backup.now': () => backups.runNow(),
      'storage.status': () => storage.status(),
    },
    stop: () => {
      backups.stop();
      storage.stop();
      releaseMarker();
    },
  };
}
