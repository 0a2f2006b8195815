import { z } from 'zod';
import { defineCall } from './define';

const MANAGERS = ['qc-manager', 'admin'] as const;

/**
 * Daily online backups (an admin's setting: the folder may be a network share). Retention keeps
 * the newest `keepCopies` backups and, among them, drops those older than `keepDays` days; the
 * newest good backup is never deleted.
 */
export const backupSettings = z.object({
  enabled: z.boolean(),
  /** Absolute folder; null: `<data dir>/backups`. */
  folder: z.string().trim().min(1).max(500).nullable(),
  keepDays: z.number().int().min(1).max(3650),
  keepCopies: z.number().int().min(1).max(1000),
  /** Local hour from which the day's backup is due (a station off at that hour backs up later). */
  hour: z.number().int().min(0).max(23),
});
export type BackupSettings = z.infer<typeof backupSettings>;

export const defaultBackupSettings: BackupSettings = {
  enabled: true,
  folder: null,
  keepDays: 14,
  keepCopies: 14,
  hour: 2,
};

export const backupRecord = z.object({
  /** File name inside the backup folder. */
  file: z.string(),
  at: z.number().int(),
  bytes: z.number().int(),
  /** Log head the copy holds. */
  headSeq: z.number().int(),
  /** quick_check and log verification both passed on the copy. */
  verified: z.boolean(),
});
export type BackupRecord = z.infer<typeof backupRecord>;

export const backupStatus = z.object({
  enabled: z.boolean(),
  folder: z.string(),
  running: z.boolean(),
  /** When the scheduler will next make a backup (null: disabled). */
  nextDueAt: z.number().int().nullable(),
  last: backupRecord.nullable(),
  lastFailure: z.object({ at: z.number().int(), message: z.string() }).nullable(),
  /** Verified backups of this station in the folder. */
  copies: z.number().int(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

/**
 * Can the station write? `full`: SQLite answered SQLITE_FULL (disk or page cap); `unwritable`:
 * an I/O error while writing. Either way scans are refused until a probe finds room again.
 */
export const storageStatus = z.object({
  state: z.enum(['ok', 'full', 'unwritable']),
  since: z.number().int().nullable(),
  /** Free bytes on the data directory's volume and on the temp volume (null: unknown). */
  dataFreeBytes: z.number().nullable(),
  tempFreeBytes: z.number().nullable(),
  /** Start-up and probe warnings, e.g. little temp space left. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type StorageStatus = z.infer<typeof storageStatus>;

export const backupCalls = {
  'backup.status': defineCall({
    summary: 'The last backup, the next one and the backup folder.',
    access: MANAGERS,
    input: z.object({}).strict(),
    output: backupStatus,
  }),
  'backup.now': defineCall({
    summary: 'Makes and verifies a backup now (or waits for the one under way).',
    access: MANAGERS,
    input: z.object({}).strict(),
    output: backupStatus,
  }),
  'storage.status': defineCall({
    summary: 'Whether the station can write (full disk), and free space.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: storageStatus,
  }),
};
