import { z } from 'zod';
import { defineCall } from './define';

export const systemInfo = z.object({
  stationId: z.string(),
  softwareVersion: z.string(),
  mode: z.enum(['electron', 'browser']),
  demo: z.boolean(),
  schemaVersion: z.number().int(),
  eventCount: z.number().int(),
  publicKeyFingerprint: z.string(),
  today: z.string(),
});
export type SystemInfo = z.infer<typeof systemInfo>;

export const systemCalls = {
  'system.info': defineCall({
    summary: 'Who this station is, how it runs, and how big its log is.',
    access: 'public',
    input: z.object({}).strict(),
    output: systemInfo,
  }),
  'system.ping': defineCall({
    summary: 'Echoes a value back (connectivity check).',
    access: 'public',
    input: z.object({ value: z.string().max(200) }).strict(),
    output: z.object({ value: z.string() }),
  }),
  'system.diagnostics': defineCall({
    summary: 'A zip of logs, versions, settings and the log-verify summary, without personal data.',
    access: ['qc-manager', 'admin'],
    input: z.object({}).strict(),
    output: z.object({
      fileName: z.string(),
      bytes: z.number().int(),
      zipBase64: z.string(),
      entries: z.array(z.string()),
    }),
  }),
};
