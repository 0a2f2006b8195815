import { z } from 'zod';
import { scanResult } from './domain-intake';
import { syncStatus } from './domain-sync';

/** Events the station pushes to every connected screen. */
export const pushEvents = {
  'scan.result': scanResult,
  'device.status': z.object({
    device: z.string(),
    kind: z.enum(['scanner', 'camera', 'printer']),
    state: z.enum(['connected', 'disconnected', 'error']),
    detail: z.string().nullable(),
  }),
  'sync.progress': syncStatus,
  'log.appended': z.object({ seq: z.number().int(), type: z.string() }),
  'session.changed': z.object({ clientId: z.string() }),
  'settings.changed': z.object({ keys: z.array(z.string()) }),
};

export type PushEventName = keyof typeof pushEvents;
export type PushEventPayload<N extends PushEventName> = z.infer<(typeof pushEvents)[N]>;
