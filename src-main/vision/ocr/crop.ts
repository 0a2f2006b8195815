/**
 * Recognition input: each detected box cut out of the photo, turned level, scaled to 48 px high
 * and normalised, straight into the tensor (one bilinear pass, no intermediate image). Boxes go
 * to the model in batches of similar width, padded to the widest, as PaddleOCR batches them.
 */
import { distance, type Point, type Quad } from './geometry';
import type { RgbImage } from './image';

export const REC_HEIGHT = 48;
/** The narrowest batch PaddleOCR builds (rec_image_shape 3 × 48 × 320). */
const REC_MIN_WIDTH = 320;
/** A line wider than this is squeezed (about 100 characters at 48 px). */
const REC_MAX_WIDTH = 3200;
export const REC_BATCH = 6;

export interface RecognitionBatch {
  /** Indices into the boxes given, in tensor order. */
  readonly indices: readonly number[];
  /** Each item's own width inside the batch (the rest is padding). */
  readonly widths: readonly number[];
  /** count × 3 × 48 × width, B G R planes, normalised to [-1, 1]; padding is 0. */
  readonly tensor: Float32Array;
  readonly count: number;
  readonly width: number;
}

interface Frame {
  /** Where the crop's (0, 0) lies in the photo, and its two axes over the whole crop. */
  readonly origin: Point;
  readonly ex: Point;
  readonly ey: Point;
  readonly width: number;
  readonly height: number;
}

/**
 * The crop's frame. A box much taller than wide is a vertical line: PaddleOCR turns it a
 * quarter (np.rot90) so that it reads left to right.
 */
function frameOf(quad: Quad): Frame {
  const [tl, tr, br, bl] = quad;
  const width = Math.max(distance(tl, tr), distance(bl, br));
  const height = Math.max(distance(tl, bl), distance(tr, br));
  const along: Point = [tr[0] - tl[0], tr[1] - tl[1]];
  const down: Point = [bl[0] - tl[0], bl[1] - tl[1]];
  if (height / Math.max(width, 1) >= 1.5) {
    return { origin: tr, ex: down, ey: [-along[0], -along[1]], width: height, height: width };
  }
  return { origin: tl, ex: along, ey: down, width, height };
}

/** Width of a crop once scaled to 48 px high. */
function scaledWidth(frame: Frame): number {
  const ratio = frame.width / Math.max(frame.height, 1);
  return Math.max(1, Math.min(REC_MAX_WIDTH, Math.ceil(REC_HEIGHT * ratio)));
}

/**
 * Samples the crop into `tensor` at item `item` of a batch `batchWidth` wide. Each output pixel
 * averages a few bilinear samples when the crop shrinks, so thin strokes survive scaling.
 */
function sampleInto(
  image: RgbImage,
  frame: Frame,
  outWidth: number,
  tensor: Float32Array,
  item: number,
  batchWidth: number,
): void {
  const { data, width: iw, height: ih } = image;
  const plane = REC_HEIGHT * batchWidth;
  const base = item * 3 * plane;
  const stepX = 1 / outWidth;
  const stepY = 1 / REC_HEIGHT;
  const shrink = Math.max(frame.width / outWidth, frame.height / REC_HEIGHT);
  const k = Math.min(4, Math.max(1, Math.ceil(shrink)));
  const maxX = iw - 1;
  const maxY = ih - 1;
  const [ox, oy] = frame.origin;
  const [ax, ay] = frame.ex;
  const [bx, by] = frame.ey;
  for (let v = 0; v < REC_HEIGHT; v += 1) {
    for (let u = 0; u < outWidth; u += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < k; sy += 1) {
        const fy = (v + (sy + 0.5) / k) * stepY;
        for (let sx = 0; sx < k; sx += 1) {
          const fx = (u + (sx + 0.5) / k) * stepX;
          // Pixel centres: photo coordinate c covers [c, c + 1), so shift by half a pixel.
          const x = Math.min(maxX, Math.max(0, ox + fx * ax + fy * bx - 0.5));
          const y = Math.min(maxY, Math.max(0, oy + fx * ay + fy * by - 0.5));
          const x0 = x | 0;
          const y0 = y | 0;
          const x1 = Math.min(maxX, x0 + 1);
          const y1 = Math.min(maxY, y0 + 1);
          const wx = x - x0;
          const wy = y - y0;
          const i00 = (y0 * iw + x0) * 3;
          const i01 = (y0 * iw + x1) * 3;
          const i10 = (y1 * iw + x0) * 3;
          const i11 = (y1 * iw + x1) * 3;
          const w00 = (1 - wx) * (1 - wy);
          const w01 = wx * (1 - wy);
          const w10 = (1 - wx) * wy;
          const w11 = wx * wy;
          r +=
            (data[i00] ?? 0) * w00 +
            (data[i01] ?? 0) * w01 +
            (data[i10] ?? 0) * w10 +
            (data[i11] ?? 0) * w11;
          g +=
            (data[i00 + 1] ?? 0) * w00 +
            (data[i01 + 1] ?? 0) * w01 +
            (data[i10 + 1] ?? 0) * w10 +
            (data[i11 + 1] ?? 0) * w11;
          b +=
            (data[i00 + 2] ?? 0) * w00 +
            (data[i01 + 2] ?? 0) * w01 +
            (data[i10 + 2] ?? 0) * w10 +
            (data[i11 + 2] ?? 0) * w11;
        }
      }
      // (pixel / 255 - 0.5) / 0.5, planes in B, G, R order.
      const norm = 2 / (255 * k * k);
      const at = base + v * batchWidth + u;
      tensor[at] = b * norm - 1;
      tensor[at + plane] = g * norm - 1;
      tensor[at + 2 * plane] = r * norm - 1;
    }
  }
}

/**
 * The recognition batches for these boxes: sorted by width so that a batch pads little, at
 * most `REC_BATCH` per batch, each at least 320 px wide (the width the model was trained at).
 */
export function recognitionBatches(
  image: RgbImage,
  quads: readonly Quad[],
  batchSize = REC_BATCH,
): RecognitionBatch[] {
  const items = quads.map((quad, index) => {
    const frame = frameOf(quad);
    return { index, frame, width: scaledWidth(frame) };
  });
  items.sort((a, b) => a.width - b.width);
  const batches: RecognitionBatch[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const group = items.slice(start, start + batchSize);
    const width = Math.max(REC_MIN_WIDTH, ...group.map((g) => g.width));
    const tensor = new Float32Array(group.length * 3 * REC_HEIGHT * width);
    group.forEach((g, item) => sampleInto(image, g.frame, g.width, tensor, item, width));
    batches.push({
      indices: group.map((g) => g.index),
      widths: group.map((g) => g.width),
      tensor,
      count: group.length,
      width,
    });
  }
  return batches;
}
