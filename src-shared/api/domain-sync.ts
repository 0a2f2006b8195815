import { z } from 'zod';
import { defineCall } from './define';

export const syncStatus = z.object({
  state: z.enum(['not-configured', 'idle', 'syncing', 'offline', 'error']),
  pendingEvents: z.number().int(),
  lastSuccessAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  endpoint: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncCalls = {
  'sync.status': defineCall({
    summary: 'Upload backlog and the state of the link to head office.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: syncStatus,
  }),
};
