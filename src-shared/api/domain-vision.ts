import { z } from 'zod';
import { isoDate } from '../events/schemas';
import { sha256Hex } from '../events/schemas-inspection';
import { defineCall } from './define';

/**
 * The OCR process's health: 'starting' until its models are loaded and checked, 'restarting'
 * after it stopped (it is being started again), 'failed' when it will not work until the
 * station restarts (a model file failed its checksum, or it crashed again and again).
 */
export const ocrState = z.enum(['starting', 'ready', 'restarting', 'failed']);
export type OcrState = z.infer<typeof ocrState>;

export const ocrStatus = z.object({
  state: ocrState,
  /** How many times the OCR process has been restarted since the station started. */
  restarts: z.number().int().nonnegative(),
  /** Why it last stopped or failed, for the operator. */
  lastError: z.string().nullable(),
});
export type OcrStatusView = z.infer<typeof ocrStatus>;

const point = z.tuple([z.number(), z.number()]);

/** One printed line of the label, in reading order. */
export const ocrLine = z.object({
  text: z.string(),
  /** Mean character confidence of the recognition model, 0–1. */
  confidence: z.number().min(0).max(1),
  /** Corners in the stored photo's pixels: top-left, top-right, bottom-right, bottom-left. */
  box: z.tuple([point, point, point, point]),
});
export type OcrLineView = z.infer<typeof ocrLine>;

export const labelReading = z.object({
  lines: z.array(ocrLine),
  /** Printed after a keyword, computed from production date + shelf life, or a lone date. */
  expiry: isoDate.nullable(),
  production: isoDate.nullable(),
  lot: z.string().nullable(),
  /** `code: text`, e.g. "ambiguous-date: 03/04/2027 could be …": why a value is missing or doubtful. */
  warnings: z.array(z.string()),
  /** Time from the call to the answer, in milliseconds. */
  ms: z.number().nonnegative(),
});
export type LabelReadingView = z.infer<typeof labelReading>;

export const visionCalls = {
  'vision.readLabel': defineCall({
    summary:
      'Reads a stored photo of a label by OCR: its lines, and the expiry, production date and lot they print (null when the label does not say, never a guess).',
    access: 'signed-in',
    input: z
      .object({
        /** A photo in the station's photo store (photos.upload answers its SHA-256). */
        photo: sha256Hex,
        /** The SKU's GTIN: its GS1 prefix says how the label writes dates (03/04 day or month first). */
        gtin: z
          .string()
          .regex(/^\d{8}$|^\d{12,14}$/, 'a GTIN has 8, 12, 13 or 14 digits')
          .optional(),
      })
      .strict(),
    output: labelReading,
  }),
  'vision.ocrStatus': defineCall({
    summary: 'Whether the OCR process is starting, ready, restarting after a crash, or off.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: ocrStatus,
  }),
};
