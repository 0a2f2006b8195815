/**
 * The OCR process dies while it works (kill -9, a native crash): the station stays up, says so
 * on the push bus and in `vision.ocrStatus`, starts a new process, and the next photo is read.
 * The photo that was being read gets a clear, retryable error. Also: a photo that takes too
 * long, OCR that crashes again and again, and the station's close() ending the process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelReadingView, OcrStatusView } from '../../../src-shared/api/domain-vision';
import { AppError } from '../../api/app-error';
import type { CallContext } from '../../api/registry';
import { openStation, type Station } from '../../station';
import { tempDir } from '../../test-support/temp-dir';
import { labelSpecs, renderLabel, renderOptions, seededRandom } from './label-images.test-helper';
import { OcrService } from './ocr-service';

let dir: ReturnType<typeof tempDir>;
let station: Station;
const statuses: OcrStatusView[] = [];
const ctx: CallContext = { clientId: 'ocr-crash-test', transport: 'test' };
const [spec] = labelSpecs(1, 4242);
let photo = '';
let jpeg: Buffer;

beforeAll(async () => {
  dir = tempDir();
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    validateOutput: true,
    clock: () => Date.parse('2026-11-28T09:00:00+08:00'),
    ocr: { warmUpAfterMs: 0 },
  });
  station.bus.subscribe((event, payload) => {
    if (event === 'ocr.status') statuses.push(payload as OcrStatusView);
  });
  const signedIn = await station.registry.dispatch(
    'auth.signIn',
    { badge: 'QCS-INSP-0001', pin: '1234' },
    ctx,
  );
  expect(signedIn.ok).toBe(true);
  if (!spec) throw new Error('no label');
  jpeg = await renderLabel(spec, renderOptions(seededRandom(1)));
  photo = (await station.photos.put(jpeg)).sha256;
  await station.ocr.whenReady();
});
afterAll(() => {
  if (station) station.close();
  dir.cleanup();
});

const readLabel = () =>
  station.registry.dispatch('vision.readLabel', { photo, gtin: spec?.gtin }, ctx);

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the OCR process dies while it reads a photo', () => {
  it('answers that photo with a retryable error, restarts, and reads the next one', async () => {
    const first = await readLabel();
    expect(first.ok).toBe(true);
    const pid = station.ocr.pid;
    if (pid === undefined) throw new Error('no OCR process');
    statuses.length = 0;

    const inFlight = readLabel();
    await until(() => station.ocr.busy, 'the photo to reach the OCR process');
    process.kill(pid, 'SIGKILL');
    const lost = await inFlight;
    expect(lost).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'The label reader stopped while reading this photo (killed by SIGKILL). It is restarting: try again in a moment.',
        params: { reason: 'ocr-crashed', retryable: 1 },
      },
    });

    // The station is still here and says what happened.
    expect((await station.registry.dispatch('system.ping', { value: 'up' }, ctx)).ok).toBe(true);
    expect(statuses[0]).toEqual({
      state: 'restarting',
      restarts: 1,
      lastError: 'The OCR process stopped (killed by SIGKILL).',
    });

    const next = await readLabel();
    if (!next.ok) throw new Error(next.error.message);
    const value = next.value as LabelReadingView;
    expect({ expiry: value.expiry, lot: value.lot }).toEqual({
      expiry: spec?.expiry,
      lot: spec?.lot,
    });
    expect(station.ocr.pid).not.toBe(pid);
    expect(statuses.map((s) => s.state)).toEqual(['restarting', 'restarting', 'ready']);
    const status = await station.registry.dispatch('vision.ocrStatus', {}, ctx);
    expect(status).toEqual({
      ok: true,
      value: {
        state: 'ready',
        restarts: 1,
        lastError: 'The OCR process stopped (killed by SIGKILL).',
      },
    });
  }, 60_000);

  it('notices a process that dies while idle, too', async () => {
    const pid = station.ocr.pid;
    if (pid === undefined) throw new Error('no OCR process');
    // Not SIGSEGV: a real segfault signal would leave a core dump of the process behind.
    process.kill(pid, 'SIGTERM');
    await until(() => station.ocr.status().restarts === 2, 'the death to be noticed');
    expect(station.ocr.status().lastError).toBe('The OCR process stopped (killed by SIGTERM).');
    const next = await readLabel();
    expect(next.ok).toBe(true);
  }, 60_000);
});

describe('OCR process supervision', () => {
  it('gives up a photo that takes too long, and restarts the process it may have hung', async () => {
    const ocr = new OcrService({ timeoutMs: 40 });
    try {
      await ocr.whenReady();
      const pid = ocr.pid;
      const late: unknown = await ocr.read(jpeg).catch((e: unknown) => e);
      if (!(late instanceof AppError)) throw new Error('expected an AppError');
      expect(late).toMatchObject({
        code: 'unavailable',
        params: { reason: 'ocr-timeout', retryable: 1 },
      });
      expect(late.message).toMatch(
        /^The label reader took longer than 40 ms on this photo and was restarted\./,
      );
      await until(() => ocr.status().restarts === 1, 'the restart');
      expect(ocr.status().lastError).toMatch(
        /took longer than 40 ms on a photo; the OCR process was restarted/,
      );
      if (pid !== undefined) await until(() => !isAlive(pid), 'the hung process to end');
    } finally {
      ocr.stop();
    }
  }, 60_000);

  it('turns OCR off after crashing again and again, and says why', async () => {
    const ocr = new OcrService({ restartDelaysMs: [0] });
    try {
      await ocr.whenReady();
      process.kill(ocr.pid ?? 0, 'SIGKILL');
      await until(() => ocr.status().restarts === 1 && ocr.pid !== undefined, 'a new process');
      await ocr.whenReady();
      process.kill(ocr.pid ?? 0, 'SIGKILL');
      await until(() => ocr.status().state === 'failed', 'OCR to be turned off');
      expect(ocr.status().lastError).toBe(
        'The OCR process stopped 2 times in a row (last: The OCR process stopped (killed by SIGKILL).); label reading is off until the station restarts.',
      );
      await expect(ocr.read(jpeg)).rejects.toMatchObject({
        code: 'unavailable',
        params: { reason: 'ocr-failed', retryable: 0 },
      });
    } finally {
      ocr.stop();
    }
  }, 60_000);

  it('says so at once when the OCR process is not built', async () => {
    const ocr = new OcrService({ entry: '/nonexistent/ocr-worker.mjs' });
    const refused: unknown = await ocr.read(jpeg).catch((e: unknown) => e);
    if (!(refused instanceof AppError)) throw new Error('expected an AppError');
    expect(refused.message).toBe(
      'Label reading is off: The OCR process is not built (/nonexistent/ocr-worker.mjs is missing). Run "npm run build" and restart the station.',
    );
    expect(ocr.status()).toMatchObject({ state: 'failed', restarts: 0 });
    ocr.stop();
  });

  it('ends the OCR process when the station closes', async () => {
    const other = tempDir();
    const s = openStation({ dataDir: other.path, mode: 'browser', ocr: { warmUpAfterMs: 0 } });
    try {
      await s.ocr.whenReady();
      const pid = s.ocr.pid;
      if (pid === undefined) throw new Error('no OCR process');
      expect(isAlive(pid)).toBe(true);
      s.close();
      await until(() => !isAlive(pid), 'the OCR process to end');
      expect(s.ocr.status().restarts).toBe(0);
    } finally {
      other.cleanup();
    }
  }, 60_000);
});
