import { z } from 'zod';
import { defineCall } from './define';

export const deviceStatus = z.object({
  device: z.string(),
  kind: z.enum(['scanner', 'camera', 'printer']),
  state: z.enum(['connected', 'disconnected', 'error']),
  detail: z.string().nullable(),
});
export type DeviceStatus = z.infer<typeof deviceStatus>;

/** A serial port the system reports, and whether its USB maker is a known scanner maker. */
export const listedPort = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  /** The scanner maker for a known USB vendor id (null for generic USB-serial bridges). */
  scannerMaker: z.string().nullable(),
});
export type ListedSerialPort = z.infer<typeof listedPort>;

export const devicesCalls = {
  'devices.ports': defineCall({
    summary: 'The serial ports on this computer, to pick a scanner from (QC managers and admins).',
    access: ['qc-manager', 'admin'],
    input: z.object({}).strict(),
    output: z.array(listedPort),
  }),
  'devices.status': defineCall({
    summary: 'The serial scanners (and later cameras, printers) and whether each is connected.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.array(deviceStatus),
  }),
};
