import { z } from 'zod';
import { defineCall } from './define';

export const deviceStatus = z.object({
  device: z.string(),
  kind: z.enum(['scanner', 'camera', 'printer']),
  state: z.enum(['connected', 'disconnected', 'error']),
  detail: z.string().nullable(),
});
export type DeviceStatus = z.infer<typeof deviceStatus>;

export const devicesCalls = {
  'devices.status': defineCall({
    summary: 'The serial scanners (and later cameras, printers) and whether each is connected.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.array(deviceStatus),
  }),
};
