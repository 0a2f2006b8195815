import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import { rgbaToI420, writeY4m } from './y4m';

/**
 * A carton label as a camera sees it, made from scratch for the camera's end-to-end test and
 * the frame-decode benchmark: product name, dates and lot in print, and a GS1 DataMatrix
 * carrying the same data, on a sheet laid on a brown carton. Nothing here comes from a file, so
 * the test knows exactly what the camera must read.
 */

export interface LabelSpec {
  product: string;
  productZh?: string;
  /** GTIN-14 of the case (AI 01). */
  gtin: string;
  /** AI 17 as printed: YYYY-MM-DD. */
  expiry: string;
  /** AI 10. */
  lot: string;
  /** Pixels per DataMatrix module on the label (the camera's view of it). */
  moduleSize?: number;
}

export interface RenderedLabel {
  png: Buffer;
  width: number;
  height: number;
  /** The element string in the symbol, with brackets: `(01)…(17)…(10)…`. */
  elementString: string;
}

let writerReady = false;

/** zxing-wasm's writer, its wasm read from the package on disk (never from a CDN). */
function prepareWriter(): void {
  if (writerReady) return;
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('zxing-wasm/writer/zxing_writer.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
  });
  writerReady = true;
}

/** `2027-06-30` as AI 17's YYMMDD. */
function yymmdd(iso: string): string {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return `${m[1]}${m[2]}${m[3]}`;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A GS1 DataMatrix as SVG rectangles, one per dark module, `module` pixels each. */
export async function gs1DataMatrixSvg(
  elementString: string,
  module: number,
): Promise<{ svg: string; size: number }> {
  prepareWriter();
  const written = await writeBarcode(elementString, { format: 'DataMatrix', options: 'gs1' });
  if (written.error) throw new Error(`DataMatrix for ${elementString}: ${written.error}`);
  const { data, width, height } = written.symbol;
  const rects: string[] = [];
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      if ((data[y * width + x] ?? 255) < 128)
        rects.push(
          `<rect x="${x * module}" y="${y * module}" width="${module}" height="${module}"/>`,
        );
  return { svg: rects.join(''), size: width * module };
}

/** The label alone, white, about 720×440 px. */
export async function renderLabel(spec: LabelSpec): Promise<RenderedLabel> {
  const module = spec.moduleSize ?? 9;
  const elementString = `(01)${spec.gtin}(17)${yymmdd(spec.expiry)}(10)${spec.lot}`;
  const dm = await gs1DataMatrixSvg(elementString, module);
  const quiet = 2 * module;
  const width = 720;
  const height = Math.max(440, dm.size + 2 * quiet + 120);
  const dmX = width - dm.size - quiet - 24;
  const dmY = 110;
  const text = (x: number, y: number, size: number, s: string, weight = 'normal') =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans, Noto Sans CJK SC, sans-serif" font-size="${size}" font-weight="${weight}" fill="#111">${escapeXml(s)}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="${width}" height="${height}" fill="#fbfbf7" stroke="#444" stroke-width="3"/>
  ${text(24, 56, 38, spec.product, 'bold')}
  ${spec.productZh ? text(24, 96, 30, spec.productZh) : ''}
  ${text(24, 170, 34, `EXP ${spec.expiry}`, 'bold')}
  ${text(24, 222, 34, `LOT ${spec.lot}`, 'bold')}
  ${text(24, 272, 24, `GTIN ${spec.gtin}`)}
  ${text(24, 312, 22, 'Keep dry · 12 x 180 g')}
  <rect x="${dmX - quiet}" y="${dmY - quiet}" width="${dm.size + 2 * quiet}" height="${dm.size + 2 * quiet}" fill="#fff"/>
  <g transform="translate(${dmX} ${dmY})" fill="#000">${dm.svg}</g>
  ${text(24, height - 28, 20, elementString)}
</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return { png, width, height, elementString };
}

export interface Placement {
  /** Centre of the label in the frame. */
  x: number;
  y: number;
  /** Degrees, clockwise. */
  angle?: number;
  scale?: number;
}

/** A brown corrugated carton, slightly uneven (what is behind the label in every frame). */
async function cartonBackground(width: number, height: number): Promise<Buffer> {
  const stripes = Array.from(
    { length: Math.ceil(width / 24) },
    (_, i) =>
      `<rect x="${i * 24}" y="0" width="12" height="${height}" fill="#000" opacity="0.04"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><radialGradient id="light" cx="40%" cy="35%" r="80%">
    <stop offset="0" stop-color="#c9a36b"/><stop offset="1" stop-color="#8a6a3d"/>
  </radialGradient></defs>
  <rect width="${width}" height="${height}" fill="url(#light)"/>${stripes}
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** One RGBA frame: the carton, the label placed on it, and a little sensor noise. */
export async function composeFrame(
  label: RenderedLabel,
  place: Placement,
  width = 1280,
  height = 720,
  noiseSeed = 1,
): Promise<Buffer> {
  const scale = place.scale ?? 1;
  let placed = sharp(label.png).resize(
    Math.round(label.width * scale),
    Math.round(label.height * scale),
  );
  if (place.angle)
    placed = placed.rotate(place.angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } });
  const { data: labelPng, info } = await placed.png().toBuffer({ resolveWithObject: true });
  const left = Math.round(place.x - info.width / 2);
  const top = Math.round(place.y - info.height / 2);
  const raw = await sharp(await cartonBackground(width, height))
    .composite([{ input: labelPng, left, top }])
    .removeAlpha()
    .ensureAlpha()
    .raw()
    .toBuffer();
  addNoise(raw, noiseSeed);
  return raw;
}

/** ±3 grey levels of deterministic noise per channel, as a webcam gives even on a still scene. */
function addNoise(rgba: Buffer, seed: number): void {
  let a = seed >>> 0;
  for (let i = 0; i < rgba.length; i += 4) {
    a = (a * 1664525 + 1013904223) >>> 0;
    const n = ((a >>> 24) % 7) - 3;
    for (let c = 0; c < 3; c += 1) {
      const v = (rgba[i + c] ?? 0) + n;
      rgba[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}

/**
 * A fake camera's clip: the label drifting slowly over the carton (a hand-held carton is never
 * quite still), `frames` frames at `fps`, 1280×720, written as y4m. Returns the file's frames.
 */
export async function writeLabelClip(
  file: string,
  label: RenderedLabel,
  frames = 10,
  fps = 10,
): Promise<number> {
  const width = 1280;
  const height = 720;
  async function* clip() {
    for (let i = 0; i < frames; i += 1) {
      const t = i / frames;
      const rgba = await composeFrame(
        label,
        {
          x: 640 + 30 * Math.sin(2 * Math.PI * t),
          y: 360 + 12 * Math.cos(2 * Math.PI * t),
          angle: 2,
        },
        width,
        height,
        i + 1,
      );
      yield rgbaToI420(rgba, width, height);
    }
  }
  return writeY4m(file, width, height, fps, clip());
}
