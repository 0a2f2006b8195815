import type { LabelReadingView } from '../../../src-shared/api/domain-vision';
import type { IsoDate } from '../../../src-shared/util/dates';
import type { Handlers } from '../../api/registry';
import type { PhotoStore } from '../photo-store';
import { labelReadingOf } from './label-reading';
import type { OcrService } from './ocr-service';

export interface VisionDeps {
  readonly ocr: OcrService;
  readonly photos: PhotoStore;
  readonly today: () => IsoDate;
}

/**
 * What a stored photo's label says: OCR in the OCR process, then the label reader. Reading a
 * label records nothing; the inspection step that uses what it says does. Also what other
 * services call (the "label matches barcode" check), so they read labels exactly as the API does.
 */
export async function readLabel(
  deps: VisionDeps,
  photo: string,
  gtin?: string,
): Promise<LabelReadingView> {
  const started = performance.now();
  const jpeg = await deps.photos.get(photo);
  const ocr = await deps.ocr.read(jpeg);
  return {
    ...labelReadingOf(ocr.lines, deps.today(), gtin),
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}

export function visionHandlers(
  deps: VisionDeps,
): Handlers<'vision.readLabel' | 'vision.ocrStatus'> {
  return {
    'vision.readLabel': (input) => readLabel(deps, input.photo, input.gtin),
    'vision.ocrStatus': () => deps.ocr.status(),
  };
}
