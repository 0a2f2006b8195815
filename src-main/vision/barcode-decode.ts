/**
 * Barcodes in image files, in Node: zxing-wasm loaded from node_modules (never from a CDN: the
 * package's default would fetch its .wasm from jsDelivr, so the bytes are handed over instead),
 * the file decoded to RGBA by sharp, then the same reader and passes as the camera's worker
 * (src-shared/vision).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  decodeFrame,
  type DecodedCode,
  type DecodeOptions,
  type ReadBarcodes,
} from '../../src-shared/vision/barcode-reader';
import type { RgbaImage } from '../../src-shared/vision/preprocess';

/** The zxing-wasm build with only the reader (a smaller .wasm than the full one). */
const WASM_SPECIFIER = 'zxing-wasm/reader/zxing_reader.wasm';

/** Largest picture decoded, in pixels: 120 MP is above today's phone sensors. */
export const MAX_IMAGE_PIXELS = 120_000_000;

let reader: Promise<ReadBarcodes> | null = null;

/** Where the reader's .wasm is on disk, resolved through the package's exports. */
export function zxingWasmPath(): string {
  return createRequire(import.meta.url).resolve(WASM_SPECIFIER);
}

/**
 * zxing-wasm's `readBarcodes`, ready to use: the module is instantiated once per process, from
 * the .wasm file in node_modules.
 */
export function loadBarcodeReader(): Promise<ReadBarcodes> {
  reader ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const bytes = await readFile(zxingWasmPath());
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    const read: ReadBarcodes = (image, options) => zxing.readBarcodes(image, options);
    return read;
  })();
  // A failed load is not cached: the next call tries again.
  reader.catch(() => {
    reader = null;
  });
  return reader;
}

/** A file that is missing, unreadable or not a picture sharp can decode. */
export class ImageReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImageReadError';
  }
}

/** Decodes an image file (JPEG, PNG, WebP, and whatever else sharp reads) to upright RGBA. */
export async function readImageRgba(file: string): Promise<RgbaImage> {
  let input: Buffer;
  try {
    input = await readFile(file);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : err instanceof Error
              ? err.message
              : String(err);
    throw new ImageReadError(file, why);
  }
  try {
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS })
      .autoOrient()
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4) throw new Error(`decoded to ${info.channels} channels, not RGBA`);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ImageReadError(file, `not a readable image (${message})`);
  }
}

export interface FileDecodeResult {
  width: number;
  height: number;
  codes: DecodedCode[];
}

/** Reads the barcodes in one image file with the hard passes (unless `options` says otherwise). */
export async function decodeImageFile(
  file: string,
  options: DecodeOptions = {},
): Promise<FileDecodeResult> {
  const image = await readImageRgba(file);
  const read = await loadBarcodeReader();
  const codes = await decodeFrame(read, image, { effort: 'hard', ...options });
  return { width: image.width, height: image.height, codes };
}
