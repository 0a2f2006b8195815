/**
 * Image in, tensors out: decoding with sharp (libvips) and the detection model's input.
 * PaddleOCR's models were trained on OpenCV images, so channels go in as B, G, R.
 */
import sharp from 'sharp';

/** Decoded pixels, 3 bytes (R, G, B) per pixel, row by row. */
export interface RgbImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface DetectionInput {
  /** 1 × 3 × height × width, normalised, B G R planes. */
  readonly tensor: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** PaddleOCR PP-OCRv4 detection defaults: longest side at most 960, both sides multiples of 32. */
export const DET_LIMIT_SIDE = 960;
const DET_MULTIPLE = 32;
// ImageNet mean and deviation, applied to the B, G, R planes in this order, as PaddleOCR does.
const DET_MEAN = [0.485, 0.456, 0.406] as const;
const DET_STD = [0.229, 0.224, 0.225] as const;

/** Largest picture the reader decodes (a photo store photo is at most 2048 px on a side). */
const MAX_PIXELS = 50_000_000;

/** Decodes a photo (JPEG, PNG, WebP…) upright, without alpha, as sRGB bytes. */
export async function decodeRgb(input: Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(input, { autoOrient: true, limitInputPixels: MAX_PIXELS })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

/** The detection input size: longest side at most `limit`, each side a multiple of 32. */
export function detectionSize(
  width: number,
  height: number,
  limit = DET_LIMIT_SIDE,
): { width: number; height: number } {
  const ratio = Math.max(width, height) > limit ? limit / Math.max(width, height) : 1;
  const round = (n: number) =>
    Math.max(DET_MULTIPLE, Math.round((n * ratio) / DET_MULTIPLE) * DET_MULTIPLE);
  return { width: round(width), height: round(height) };
}

/** Resizes (stretching to multiples of 32, as PaddleOCR does) and normalises for detection. */
export async function detectionInput(
  image: RgbImage,
  limit = DET_LIMIT_SIDE,
): Promise<DetectionInput> {
  const size = detectionSize(image.width, image.height, limit);
  const resized =
    size.width === image.width && size.height === image.height
      ? image.data
      : await sharp(image.data, {
          raw: { width: image.width, height: image.height, channels: 3 },
        })
          .resize(size.width, size.height, { fit: 'fill' })
          .raw()
          .toBuffer();
  const plane = size.width * size.height;
  const tensor = new Float32Array(3 * plane);
  // Output plane c holds source channel 2 - c (B, G, R), normalised with mean/std of plane c.
  for (let c = 0; c < 3; c += 1) {
    const source = 2 - c;
    const scale = 1 / (255 * (DET_STD[c] ?? 1));
    const shift = (DET_MEAN[c] ?? 0) / (DET_STD[c] ?? 1);
    const offset = c * plane;
    for (let i = 0; i < plane; i += 1) {
      tensor[offset + i] = (resized[i * 3 + source] ?? 0) * scale - shift;
    }
  }
  return { tensor, width: size.width, height: size.height };
}
