import { z } from 'zod';
import { defineCall } from './define';

const MANAGERS = ['qc-manager', 'admin'] as const;

/** How often the station syncs, and when being offline becomes an alarm. */
export const syncSettings = z.object({
  intervalSeconds: z.number().int().min(5).max(3600),
  /** Offline (no successful round) longer than this raises the alarm on every screen. */
  offlineAlarmMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});
export type SyncSettings = z.infer<typeof syncSettings>;
export const defaultSyncSettings: SyncSettings = { intervalSeconds: 60, offlineAlarmMinutes: 240 };

export const deadLetter = z.object({
  id: z.number().int(),
  at: z.number().int(),
  /** What was refused: the event upload, one photo, a master-data page, a checkpoint. */
  kind: z.enum(['events', 'photo', 'master-data', 'checkpoint']),
  code: z.string(),
  message: z.string(),
  seq: z.number().int().nullable(),
});
export type DeadLetter = z.infer<typeof deadLetter>;

export const syncStatus = z.object({
  state: z.enum(['not-configured', 'idle', 'syncing', 'offline', 'error']),
  /** Events head office has not acknowledged yet. */
  pendingEvents: z.number().int(),
  pendingPhotos: z.number().int(),
  ackedSeq: z.number().int(),
  headSeq: z.number().int(),
  /** Events per second over the last round that uploaded any (null before the first). */
  eventsPerSecond: z.number().nullable(),
  lastSuccessAt: z.number().int().nullable(),
  lastAttemptAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  endpoint: z.string().nullable(),
  /** Set when head office refused the log for good: the upload waits until someone resolves it. */
  eventsPaused: z.string().nullable(),
  /** No successful round for longer than the configured time (or never, once enrolled). */
  offlineAlarm: z.boolean(),
  deadLetters: z.array(deadLetter),
});
export type SyncStatus = z.infer<typeof syncStatus>;

/** What one round did; `qcs sync once --json` prints exactly this. */
export const syncRoundResult = z.object({
  uploadedEvents: z.number().int(),
  uploadedPhotos: z.number().int(),
  pulledChanges: z.number().int(),
  ackedSeq: z.number().int(),
  errors: z.array(z.string()),
});
export type SyncRoundResult = z.infer<typeof syncRoundResult>;

export const syncCalls = {
  'sync.status': defineCall({
    summary: 'Upload backlog and the state of the link to head office.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: syncStatus,
  }),
  'sync.now': defineCall({
    summary: 'Runs one sync round now (or waits for the one under way) and answers what it did.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: syncRoundResult,
  }),
  'sync.enroll': defineCall({
    summary:
      "Enrolls this station with head office: its URL and the one-time code head office's admin created.",
    access: ['admin'],
    input: z
      .object({
        centralUrl: z
          .string()
          .trim()
          .url('the address of head office, such as https://qc.example.com')
          .refine((u) => /^https?:\/\//.test(u), 'an http:// or https:// address'),
        code: z.string().trim().min(8).max(64),
      })
      .strict(),
    output: z.object({ endpoint: z.string(), ackedSeq: z.number().int() }),
  }),
  'sync.resolve': defineCall({
    summary:
      'Marks the dead letters of one kind as dealt with; for the event upload this resumes it.',
    access: MANAGERS,
    input: z.object({ kind: deadLetter.shape.kind }).strict(),
    output: z.object({}),
  }),
};
