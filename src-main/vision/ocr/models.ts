/**
 * The OCR models the station ships in native-models/, checked against manifest.json before
 * anything loads them: a model file that is not byte for byte the one we tested (damaged on
 * disk, or swapped) would read labels differently, and a misread expiry is a food-safety fact.
 * So a mismatch stops OCR with a message that says which file and what to do; it never falls
 * back to loading the file anyway.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { appRoot } from '../../paths';

const manifestEntry = z.object({
  name: z.string().min(1),
  file: z.string().regex(/^[\w.-]+$/, 'a file name inside native-models/'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  source: z.object({ package: z.string(), version: z.string() }).loose(),
  licence: z.string(),
});

const manifestSchema = z.object({ models: z.array(manifestEntry.loose()) });

export type ModelEntry = z.infer<typeof manifestEntry>;

/** The three files OCR needs, by their manifest names. */
export const OCR_MODEL_NAMES = {
  detection: 'ocr-detection',
  recognition: 'ocr-recognition',
  dictionary: 'ocr-dictionary',
} as const;

export interface OcrModelFiles {
  readonly detection: Uint8Array;
  readonly recognition: Uint8Array;
  /** The recognition model's character list, one per line. */
  readonly dictionary: string;
  readonly entries: readonly ModelEntry[];
}

/** A model file that is missing or not the one in the manifest. The message is for an operator. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

export function defaultModelsDir(): string {
  return join(appRoot(), 'native-models');
}

async function readManifest(dir: string): Promise<z.infer<typeof manifestSchema>> {
  const file = join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ModelFileError(`The OCR model manifest ${file} is missing. Reinstall the station.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ModelFileError(
      `The OCR model manifest ${file} is not valid JSON. Reinstall the station.`,
    );
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) {
    throw new ModelFileError(
      `The OCR model manifest ${file} is malformed (${manifest.error.issues[0]?.message ?? 'invalid'}). Reinstall the station.`,
    );
  }
  return manifest.data;
}

/**
 * Reads one model file and checks its SHA-256. The bytes that were hashed are the bytes
 * returned (and handed to onnxruntime), so nothing can change the file between check and load.
 */
async function readVerified(dir: string, entry: ModelEntry): Promise<Buffer> {
  const file = join(dir, entry.file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new ModelFileError(
      `The OCR model file ${file} (${entry.name}) is missing. Reinstall the station; label reading is off until then.`,
    );
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== entry.sha256) {
    throw new ModelFileError(
      `The OCR model file ${file} (${entry.name}) does not match its SHA-256 in manifest.json ` +
        `(expected ${entry.sha256.slice(0, 16)}…, found ${actual.slice(0, 16)}…): it is damaged ` +
        'or was replaced, and the station refuses to load it. Reinstall the station or restore ' +
        'the file; label reading is off until then.',
    );
  }
  return bytes;
}

/** The detection and recognition models and the dictionary, each verified against the manifest. */
export async function loadOcrModelFiles(dir = defaultModelsDir()): Promise<OcrModelFiles> {
  const manifest = await readManifest(dir);
  const entry = (name: string): ModelEntry => {
    const found = manifest.models.find((m) => m.name === name);
    if (!found) {
      throw new ModelFileError(
        `The OCR model manifest in ${dir} lists no "${name}". Reinstall the station.`,
      );
    }
    return found;
  };
  const entries = Object.values(OCR_MODEL_NAMES).map(entry);
  const [detection, recognition, dictionary] = await Promise.all(
    entries.map((e) => readVerified(dir, e)),
  );
  if (!detection || !recognition || !dictionary)
    throw new ModelFileError('OCR model files missing');
  return { detection, recognition, dictionary: dictionary.toString('utf8'), entries };
}
