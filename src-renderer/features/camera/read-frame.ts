import { bracketed, parseGs1 } from '../../../src-shared/gs1';
import {
  decodeFrame,
  type DecodedCode as ReaderCode,
  type ReadBarcodes,
} from '../../../src-shared/vision/barcode-reader';
import type { BarcodeFormatName } from '../../../src-shared/vision/formats';
import type { DecodedCode } from './decode-protocol';
import type { Effort } from './effort-schedule';

/** AIM identifiers of GS1 data: GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar. */
const GS1_AIM = /^\](C1|d2|Q3|e0)/;

/** What a person reads: GS1 data with its AIs in brackets; other data with GS shown. */
export function readableText(code: Pick<ReaderCode, 'text' | 'rawText'>): string {
  if (GS1_AIM.test(code.text)) {
    const parsed = parseGs1(code.text);
    if (parsed.fields.length > 0) return bracketed(parsed.fields);
  }
  return code.rawText.replaceAll('\x1d', '⟨GS⟩');
}

/**
 * One frame through the shared barcode reader (src-shared/vision), at the effort asked for.
 * Unconfirmed 1-D reads are returned too, marked: the live path confirms them over frames.
 */
export async function readFrame(
  read: ReadBarcodes,
  image: ImageData,
  formats: readonly BarcodeFormatName[],
  effort: Effort,
): Promise<DecodedCode[]> {
  const codes = await decodeFrame(read, image, { formats, effort, includeUnconfirmed: true });
  return codes.map((c) => ({
    data: c.text,
    text: readableText(c),
    format: c.format,
    confirmed: c.confirmed,
    corners: c.position,
  }));
}
