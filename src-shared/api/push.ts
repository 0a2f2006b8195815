import { z } from 'zod';
import { scanResult } from './domain-intake';
import { syncStatus } from './domain-sync';
import { deviceStatus } from './domain-devices';
import { ocrStatus } from './domain-vision';
import { backupStatus, storageStatus } from './domain-backup';

/** Events the station pushes to every connected screen. */
export const pushEvents = {
  'scan.result': scanResult,
  'device.status': deviceStatus,
  /** A scanner sent something the station discarded (a garbled or oversized frame). */
  'device.warning': z.object({ device: z.string(), code: z.string(), message: z.string() }),
  'sync.progress': syncStatus,
  'log.appended': z.object({ seq: z.number().int(), type: z.string() }),
  'session.changed': z.object({ clientId: z.string() }),
  'settings.changed': z.object({ keys: z.array(z.string()) }),
  /** The OCR process started, became ready, stopped and is restarting, or failed. */
  'ocr.status': ocrStatus,
  /** A backup started, finished or failed. */
  'backup.status': backupStatus,
  /** The disk filled up (scans are refused) or has room again. */
  'storage.status': storageStatus,
};

export type PushEventName = keyof typeof pushEvents;
export type PushEventPayload<N extends PushEventName> = z.infer<(typeof pushEvents)[N]>;
