/**
 * The label test set: generated label photos (Latin and CJK fonts, turned up to ±5°, blurred,
 * noisy, JPEG-compressed) in every date and lot format the issue lists, each read through the
 * station exactly as the inspection screen reads one: the photo goes into the photo store, then
 * `vision.readLabel` (OCR process + label reader). The promise: at least 95 % of expiry dates
 * and lots right, and not one value invented (a wrong value that is not null).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelReadingView } from '../../../src-shared/api/domain-vision';
import type { CallContext } from '../../api/registry';
import { openStation, type Station } from '../../station';
import { tempDir } from '../../test-support/temp-dir';
import {
  LABEL_FORMATS,
  labelSpecs,
  renderLabel,
  renderOptions,
  seededRandom,
  type LabelSpec,
} from './label-images.test-helper';

const LABELS = 65;
const SEED = 20_270_630;

let dir: ReturnType<typeof tempDir>;
let station: Station;
const ctx: CallContext = { clientId: 'label-set-test', transport: 'test' };

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
  const signedIn = await station.registry.dispatch(
    'auth.signIn',
    { badge: 'QCS-INSP-0001', pin: '1234' },
    ctx,
  );
  expect(signedIn.ok).toBe(true);
  await station.ocr.whenReady();
});
afterAll(() => {
  // Closing the station ends its OCR process too. (It is unset when opening it failed.)
  if (station) station.close();
  dir.cleanup();
});

interface Outcome {
  spec: LabelSpec;
  reading: LabelReadingView;
}

type Verdict = 'right' | 'missing' | 'invented';
const verdict = (expected: string | null, got: string | null): Verdict =>
  got === expected ? 'right' : got === null ? 'missing' : 'invented';

describe('label test set', () => {
  it(`reads ≥ 95 % of expiry dates and lots from ${LABELS} generated labels, inventing none`, async () => {
    const specs = labelSpecs(LABELS, SEED);
    const random = seededRandom(SEED + 1);
    const outcomes: Outcome[] = [];
    for (const spec of specs) {
      const jpeg = await renderLabel(spec, renderOptions(random));
      const stored = await station.photos.put(jpeg);
      const result = await station.registry.dispatch(
        'vision.readLabel',
        { photo: stored.sha256, gtin: spec.gtin },
        ctx,
      );
      if (!result.ok) throw new Error(`${spec.id}: ${result.error.message}`);
      outcomes.push({ spec, reading: result.value as LabelReadingView });
    }

    const count = (field: 'expiry' | 'lot' | 'production', v: Verdict) =>
      outcomes.filter((o) => verdict(o.spec[field], o.reading[field]) === v).length;
    const share = (n: number) => `${((100 * n) / outcomes.length).toFixed(1)} %`;
    const ms = outcomes.map((o) => o.reading.ms).sort((a, b) => a - b);
    const formats = [...new Set(outcomes.map((o) => o.spec.format))];
    const rows = formats.map((format) => {
      const mine = outcomes.filter((o) => o.spec.format === format);
      const right = mine.filter(
        (o) => o.reading.expiry === o.spec.expiry && o.reading.lot === o.spec.lot,
      ).length;
      return `  ${format.padEnd(36)} ${right}/${mine.length}`;
    });
    const failures = outcomes
      .filter((o) => o.reading.expiry !== o.spec.expiry || o.reading.lot !== o.spec.lot)
      .map(
        (o) =>
          `  ${o.spec.id} (${o.spec.format}, ${o.spec.font}): want ${o.spec.expiry} / ${o.spec.lot}, ` +
          `got ${o.reading.expiry} / ${o.reading.lot}; read ${JSON.stringify(o.reading.lines.map((l) => l.text))}`,
      );
    console.log(
      [
        `Label test set: ${outcomes.length} labels, seed ${SEED}`,
        `  expiry right ${count('expiry', 'right')} (${share(count('expiry', 'right'))}), missing ${count('expiry', 'missing')}, invented ${count('expiry', 'invented')}`,
        `  lot right ${count('lot', 'right')} (${share(count('lot', 'right'))}), missing ${count('lot', 'missing')}, invented ${count('lot', 'invented')}`,
        `  production invented ${count('production', 'invented')}`,
        `  vision.readLabel ms: median ${ms[Math.floor(ms.length / 2)]}, max ${ms.at(-1)}`,
        'Both expiry and lot right, by format:',
        ...rows,
        ...(failures.length > 0 ? ['Not right:', ...failures] : []),
      ].join('\n'),
    );

    expect(formats).toHaveLength(LABEL_FORMATS.length);
    expect(count('expiry', 'right') / outcomes.length).toBeGreaterThanOrEqual(0.95);
    expect(count('lot', 'right') / outcomes.length).toBeGreaterThanOrEqual(0.95);
    expect(count('expiry', 'invented')).toBe(0);
    expect(count('lot', 'invented')).toBe(0);
    expect(count('production', 'invented')).toBe(0);
  }, 300_000);
});
