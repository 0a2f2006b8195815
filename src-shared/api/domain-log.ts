import { z } from 'zod';
import { defineCall } from './define';

export const logEntry = z.object({
  seq: z.number().int(),
  id: z.string(),
  recordedAt: z.number().int(),
  actor: z.string(),
  actorName: z.string().nullable(),
  type: z.string(),
  subjects: z.array(z.string()),
  summary: z.string(),
  hash: z.string(),
  signed: z.boolean(),
});
export type LogEntry = z.infer<typeof logEntry>;

export const logCalls = {
  'log.recent': defineCall({
    summary: 'The newest events of the log (paged backwards by seq), optionally for one subject.',
    access: 'signed-in',
    input: z
      .object({
        beforeSeq: z.number().int().positive().optional(),
        subject: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(logEntry),
  }),
  'log.verify': defineCall({
    summary: 'Checks every hash link and signature of the log.',
    access: ['qc-manager', 'admin'],
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBadSeq: z.number().int().nullable(),
      problem: z.string().nullable(),
    }),
  }),
};
