/**
 * Barcode pictures for tests, drawn by zxing-wasm's writer (its .wasm read from node_modules):
 * a symbol with a quiet zone, scaled to whole pixels per module, optionally placed on a larger
 * grey canvas, as RGBA or as a PNG file.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type * as ZxingWriter from 'zxing-wasm/writer';
import type { RgbaImage } from '../../src-shared/vision/preprocess';

type Writer = typeof ZxingWriter;
let writer: Promise<Writer> | null = null;

function loadWriter(): Promise<Writer> {
  writer ??= (async () => {
    const zxing = await import('zxing-wasm/writer');
    const path = createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm');
    const bytes = await readFile(path);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    return zxing;
  })();
  return writer;
}

export type SymbolFormat = 'Code128' | 'DataMatrix' | 'QRCode' | 'EAN13' | 'UPCA' | 'EAN8' | 'ITF';

export interface SymbolOptions {
  /** GS1 mode: `text` is bracketed element strings, e.g. `(01)09501101020917(10)ABC`. */
  gs1?: boolean;
  /** Pixels per module (default 3). */
  module?: number;
  /** Quiet zone, in modules, on every side (default 10). */
  quiet?: number;
}

/** The symbol, black on white, as RGBA. */
export async function renderSymbol(
  text: string,
  format: SymbolFormat,
  options: SymbolOptions = {},
): Promise<RgbaImage> {
  const zxing = await loadWriter();
  const out = await zxing.writeBarcode(text, { format, options: options.gs1 ? 'gs1' : '' });
  if (out.error) throw new Error(`zxing-wasm cannot write ${format} "${text}": ${out.error}`);
  const { data, width, height } = out.symbol;
  const m = options.module ?? 3;
  const q = options.quiet ?? 10;
  const w = (width + 2 * q) * m;
  const h = (height + 2 * q) * m;
  const rgba = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 0; y < height * m; y++) {
    for (let x = 0; x < width * m; x++) {
      const v = data[Math.floor(y / m) * width + Math.floor(x / m)] ?? 255;
      const i = ((y + q * m) * w + x + q * m) * 4;
      rgba[i] = v;
      rgba[i + 1] = v;
      rgba[i + 2] = v;
    }
  }
  return { width: w, height: h, data: rgba };
}

/** Symbols pasted on a grey canvas at the given top-left corners. */
export function compose(
  width: number,
  height: number,
  items: readonly { image: RgbaImage; x: number; y: number }[],
  background = 160,
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = background;
    data[i + 1] = background;
    data[i + 2] = background;
    data[i + 3] = 255;
  }
  for (const { image, x, y } of items) {
    if (x < 0 || y < 0 || x + image.width > width || y + image.height > height) {
      throw new RangeError(
        `a ${image.width}×${image.height} symbol at ${x},${y} leaves the canvas`,
      );
    }
    for (let row = 0; row < image.height; row++) {
      const start = row * image.width * 4;
      data.set(image.data.subarray(start, start + image.width * 4), ((y + row) * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** An RGBA image as a PNG (or JPEG / WebP) file's bytes. */
export function encodeImage(
  image: RgbaImage,
  as: 'png' | 'jpeg' | 'webp' = 'png',
): Promise<Buffer> {
  const pipeline = sharp(
    Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    {
      raw: { width: image.width, height: image.height, channels: 4 },
    },
  );
  if (as === 'jpeg') return pipeline.jpeg({ quality: 92 }).toBuffer();
  if (as === 'webp') return pipeline.webp({ lossless: true }).toBuffer();
  return pipeline.png().toBuffer();
}
