import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../api/app-error';
import { tempDir } from '../../test-support/temp-dir';
import { defaultModelsDir, loadOcrModelFiles, ModelFileError } from './models';
import { OcrService } from './ocr-service';

const DET = 'ch_PP-OCRv4_det_infer.onnx';

let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  dir?.cleanup();
  dir = null;
});

/** A copy of native-models/ in a temp folder, to damage. */
function copyOfModels(): string {
  dir = tempDir('qcs-models-');
  for (const file of readdirSync(defaultModelsDir())) {
    copyFileSync(join(defaultModelsDir(), file), join(dir.path, file));
  }
  return dir.path;
}

function flipByte(file: string, at: number): void {
  const bytes = readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
}

describe('OCR model files', () => {
  it('match the manifest byte for byte', async () => {
    const files = await loadOcrModelFiles();
    const manifest = JSON.parse(
      readFileSync(join(defaultModelsDir(), 'manifest.json'), 'utf8'),
    ) as { models: { file: string; sha256: string; bytes: number; licenceFiles: string[] }[] };
    for (const entry of manifest.models) {
      const bytes = readFileSync(join(defaultModelsDir(), entry.file));
      expect(bytes.length).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
      for (const licence of entry.licenceFiles) {
        expect(readFileSync(join(defaultModelsDir(), licence), 'utf8').length).toBeGreaterThan(500);
      }
    }
    expect(files.detection.length).toBe(4_745_517);
    expect(files.dictionary.split('\n')[0]).toBe("'");
  });

  it('refuses a model with one byte changed, naming the file and what to do', async () => {
    const models = copyOfModels();
    flipByte(join(models, DET), 100_000);
    const refused = loadOcrModelFiles(models);
    await expect(refused).rejects.toBeInstanceOf(ModelFileError);
    await expect(refused).rejects.toThrow(
      new RegExp(`${DET} \\(ocr-detection\\) does not match its SHA-256 in manifest\\.json`),
    );
    await expect(refused).rejects.toThrow(/refuses to load it\. Reinstall the station/);
  });

  it('refuses a missing model file and a broken manifest', async () => {
    const models = copyOfModels();
    rmSync(join(models, 'ppocr_keys_v1.txt'));
    await expect(loadOcrModelFiles(models)).rejects.toThrow(
      /ppocr_keys_v1\.txt \(ocr-dictionary\) is missing/,
    );
    writeFileSync(join(models, 'manifest.json'), '{"models": [{"name": "x"}]}');
    await expect(loadOcrModelFiles(models)).rejects.toThrow(/manifest .* is malformed/);
  });

  it('turns OCR off with the reason when the OCR process finds a damaged model', async () => {
    const models = copyOfModels();
    flipByte(join(models, 'ch_PP-OCRv4_rec_infer.onnx'), 2_000_000);
    const ocr = new OcrService({ modelsDir: models });
    try {
      await expect(ocr.whenReady(30_000)).rejects.toThrow(/does not match its SHA-256/);
      const status = ocr.status();
      expect(status).toMatchObject({ state: 'failed', restarts: 0 });
      expect(status.lastError).toMatch(/ch_PP-OCRv4_rec_infer\.onnx \(ocr-recognition\)/);
      const refused: unknown = await ocr.read(Buffer.from('not read')).catch((e: unknown) => e);
      if (!(refused instanceof AppError)) throw new Error('expected an AppError');
      expect(refused).toMatchObject({
        code: 'unavailable',
        params: { reason: 'ocr-failed', retryable: 0 },
      });
      expect(refused.message).toMatch(
        /^Label reading is off: The OCR model file .* does not match/,
      );
    } finally {
      ocr.stop();
    }
  });
});
