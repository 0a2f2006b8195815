/**
 * Image pre-processing for the barcode reader, in pure TypeScript on typed arrays.
 *
 * Written here rather than taken from npm because no maintained JavaScript library fits where
 * this runs: the renderer's Web Worker (no DOM canvas, no Node built-ins) and the station's CLI
 * (Node) must run the very same passes. The image libraries on npm either draw through a DOM
 * canvas (unavailable in a worker without OffscreenCanvas quirks, and absent in Node), wrap
 * native code (sharp, opencv builds: Node only or many megabytes of wasm), or are unmaintained.
 * What a barcode needs is small: grey levels, contrast, local contrast, scale, rotation,
 * sharpening. Each function takes an image and returns a new one; nothing is changed in place.
 *
 * Geometry: every function that moves pixels also says how a point of its output maps back to
 * its input (an {@link Affine}), so a symbol found in a rotated, scaled copy is drawn at the
 * right place over the original frame. Points are continuous pixel coordinates: pixel (i, j)
 * covers [i, i + 1) × [j, j + 1).
 */

/** An 8-bit grey image, row by row, one byte per pixel. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** An RGBA image as a canvas or sharp gives it: 4 bytes per pixel, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/** What zxing-wasm's `readBarcodes` takes (an ImageData, or the same shape in Node). */
export interface RgbaPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * Maps a point of a processed image back to its source: x' = a·x + b·y + c, y' = d·x + e·y + f.
 */
export type Affine = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

export const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

export interface Point {
  x: number;
  y: number;
}

export function applyAffine(m: Affine, p: Point): Point {
  return { x: m[0] * p.x + m[1] * p.y + m[2], y: m[3] * p.x + m[4] * p.y + m[5] };
}

/** `outer ∘ inner`: first `inner` (processed → intermediate), then `outer` (→ source). */
export function composeAffine(outer: Affine, inner: Affine): Affine {
  const [a, b, c, d, e, f] = outer;
  const [A, B, C, D, E, F] = inner;
  return [
    a * A + b * D,
    a * B + b * E,
    a * C + b * F + c,
    d * A + e * D,
    d * B + e * E,
    d * C + e * F + f,
  ];
}

/** An image with the map from its pixels to the source frame's pixels. */
export interface Transformed {
  image: GreyImage;
  toSource: Affine;
}

function assertSize(width: number, height: number, length: number, channels: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`image size must be positive whole numbers (got ${width}×${height})`);
  }
  if (length < width * height * channels) {
    throw new RangeError(
      `image data holds ${length} bytes, ${width}×${height}×${channels} needs ${width * height * channels}`,
    );
  }
}

export function greyImage(width: number, height: number, data?: Uint8Array): GreyImage {
  const pixels = data ?? new Uint8Array(width * height);
  assertSize(width, height, pixels.length, 1);
  return { width, height, data: pixels };
}

/** Luminance with ZXing-C++'s own weights, so grey in = the grey zxing would have made. */
export function rgbaToGrey(image: RgbaImage): GreyImage {
  const { width, height, data } = image;
  assertSize(width, height, data.length, 4);
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    out[i] =
      (306 * (data[j] ?? 0) + 601 * (data[j + 1] ?? 0) + 117 * (data[j + 2] ?? 0) + 512) >> 10;
  }
  return { width, height, data: out };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Grey as RGBA (R = G = B), which zxing turns back into exactly the same grey. */
export function greyToRgba(image: GreyImage): RgbaPixels {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  if (LITTLE_ENDIAN) {
    // Four bytes at a time: 0xFFvvvvvv in little-endian order is R = G = B = v, A = 255.
    const words = new Uint32Array(out.buffer);
    for (let i = 0; i < words.length; i++) {
      const v = data[i] ?? 0;
      words[i] = (0xff000000 | (v << 16) | (v << 8) | v) >>> 0;
    }
  } else {
    for (let i = 0, j = 0; i < width * height; i++, j += 4) {
      const v = data[i] ?? 0;
      out[j] = v;
      out[j + 1] = v;
      out[j + 2] = v;
      out[j + 3] = 255;
    }
  }
  return { width, height, data: out };
}

function histogram(image: GreyImage): Uint32Array {
  const h = new Uint32Array(256);
  for (const v of image.data) h[v] = (h[v] ?? 0) + 1;
  return h;
}

/** Grey level below which `fraction` of the pixels lie. */
function percentile(h: Uint32Array, total: number, fraction: number): number {
  const target = fraction * total;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += h[v] ?? 0;
    if (seen > target) return v;
  }
  return 255;
}

function applyLut(image: GreyImage, lut: Uint8Array): GreyImage {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[image.data[i] ?? 0] ?? 0;
  return { width: image.width, height: image.height, data: out };
}

/**
 * Global contrast stretch: the `low` and `high` percentiles become black and white. A washed-out
 * or dark photo then uses the whole range; an image already full-range is returned unchanged.
 */
export function stretchContrast(image: GreyImage, low = 0.01, high = 0.99): GreyImage {
  const h = histogram(image);
  const lo = percentile(h, image.data.length, low);
  const hi = percentile(h, image.data.length, high);
  if (hi - lo < 8 || (lo === 0 && hi === 255)) return image;
  const lut = new Uint8Array(256);
  const scale = 255 / (hi - lo);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round((v - lo) * scale)));
  return applyLut(image, lut);
}

/** γ correction: < 1 lifts the darks (bars in shadow), > 1 deepens the lights (glare). */
export function gamma(image: GreyImage, g: number): GreyImage {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.round(255 * Math.pow(v / 255, g));
  return applyLut(image, lut);
}

export interface ClaheOptions {
  /** Tiles along the longer side (the shorter side gets proportionally fewer, at least 2). */
  tiles?: number;
  /** Contrast limit: a histogram bin may hold at most `clipLimit` × the mean bin count. */
  clipLimit?: number;
}

/**
 * Contrast-limited adaptive histogram equalisation (CLAHE): each tile gets its own equalisation,
 * blended bilinearly between tile centres. Evens out vignetting, shadows and glare across a
 * symbol so the binariser sees bars everywhere, while the clip limit keeps flat areas (paper
 * grain) from being blown up into noise.
 */
export function clahe(image: GreyImage, options: ClaheOptions = {}): GreyImage {
  const { width, height, data } = image;
  const tilesLong = Math.max(2, Math.round(options.tiles ?? 8));
  const clipLimit = options.clipLimit ?? 3;
  const longSide = Math.max(width, height);
  const tileSize = Math.max(8, Math.ceil(longSide / tilesLong));
  const tx = Math.max(1, Math.ceil(width / tileSize));
  const ty = Math.max(1, Math.ceil(height / tileSize));
  const tw = width / tx;
  const th = height / ty;
  const luts = new Uint8Array(tx * ty * 256);
  const hist = new Uint32Array(256);
  for (let j = 0; j < ty; j++) {
    for (let i = 0; i < tx; i++) {
      hist.fill(0);
      const x0 = Math.floor(i * tw);
      const x1 = Math.floor((i + 1) * tw);
      const y0 = Math.floor(j * th);
      const y1 = Math.floor((j + 1) * th);
      for (let y = y0; y < y1; y++) {
        const row = y * width;
        for (let x = x0; x < x1; x++) {
          const v = data[row + x] ?? 0;
          hist[v] = (hist[v] ?? 0) + 1;
        }
      }
      const count = Math.max(1, (x1 - x0) * (y1 - y0));
      const limit = Math.max(1, Math.floor((clipLimit * count) / 256));
      let excess = 0;
      for (let v = 0; v < 256; v++) {
        const n = hist[v] ?? 0;
        if (n > limit) {
          excess += n - limit;
          hist[v] = limit;
        }
      }
      const share = Math.floor(excess / 256);
      let rest = excess - share * 256;
      for (let v = 0; v < 256; v++) {
        hist[v] = (hist[v] ?? 0) + share + (rest > 0 ? 1 : 0);
        if (rest > 0) rest--;
      }
      const base = (j * tx + i) * 256;
      let cdf = 0;
      for (let v = 0; v < 256; v++) {
        cdf += hist[v] ?? 0;
        luts[base + v] = Math.min(255, Math.round((cdf * 255) / count));
      }
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    // Position between tile centres, clamped at the borders.
    const fy = Math.max(0, Math.min(ty - 1, (y + 0.5) / th - 0.5));
    const j0 = Math.floor(fy);
    const j1 = Math.min(ty - 1, j0 + 1);
    const wy = fy - j0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, Math.min(tx - 1, (x + 0.5) / tw - 0.5));
      const i0 = Math.floor(fx);
      const i1 = Math.min(tx - 1, i0 + 1);
      const wx = fx - i0;
      const v = data[y * width + x] ?? 0;
      const a = luts[(j0 * tx + i0) * 256 + v] ?? 0;
      const b = luts[(j0 * tx + i1) * 256 + v] ?? 0;
      const c = luts[(j1 * tx + i0) * 256 + v] ?? 0;
      const d = luts[(j1 * tx + i1) * 256 + v] ?? 0;
      const top = a + (b - a) * wx;
      const bottom = c + (d - c) * wx;
      out[y * width + x] = Math.round(top + (bottom - top) * wy);
    }
  }
  return { width, height, data: out };
}

/** Summed-area table with a zero row and column in front: (width + 1) × (height + 1). */
function integral(image: GreyImage): Float64Array {
  const { width, height, data } = image;
  const w1 = width + 1;
  const sums = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] ?? 0;
      sums[(y + 1) * w1 + x + 1] = (sums[y * w1 + x + 1] ?? 0) + row;
    }
  }
  return sums;
}

/** Mean over a (2r + 1)² box clipped to the image, from a summed-area table. */
function boxMean(
  sums: Float64Array,
  width: number,
  height: number,
  x: number,
  y: number,
  r: number,
): number {
  const w1 = width + 1;
  const x0 = Math.max(0, x - r);
  const x1 = Math.min(width, x + r + 1);
  const y0 = Math.max(0, y - r);
  const y1 = Math.min(height, y + r + 1);
  const total =
    (sums[y1 * w1 + x1] ?? 0) -
    (sums[y0 * w1 + x1] ?? 0) -
    (sums[y1 * w1 + x0] ?? 0) +
    (sums[y0 * w1 + x0] ?? 0);
  return total / ((x1 - x0) * (y1 - y0));
}

/**
 * Box blur of radius r (a (2r + 1)² mean), edges clipped. Used for unsharp masking and to calm
 * paper texture before a 2-D symbol is binarised.
 */
export function boxBlur(image: GreyImage, radius: number): GreyImage {
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return image;
  const { width, height } = image;
  const sums = integral(image);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      out[y * width + x] = Math.round(boxMean(sums, width, height, x, y, r));
  }
  return { width, height, data: out };
}

/**
 * Unsharp mask: original + amount × (original − blurred). Restores some edge contrast to a
 * slightly defocused symbol so narrow bars and spaces separate again.
 */
export function sharpen(image: GreyImage, radius = 1, amount = 1): GreyImage {
  const blurred = boxBlur(image, radius);
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = image.data[i] ?? 0;
    const b = blurred.data[i] ?? 0;
    out[i] = Math.max(0, Math.min(255, Math.round(v + amount * (v - b))));
  }
  return { width: image.width, height: image.height, data: out };
}

export interface ThresholdOptions {
  /** Window radius in pixels; by default 1/16 of the shorter side (at least 4). */
  radius?: number;
  /** How far below the local mean (in grey levels) a pixel must be to count as dark. */
  offset?: number;
}

/**
 * Adaptive (local mean) threshold to pure black and white. Unlike a global threshold it follows
 * uneven light across the symbol: a bar in shadow and a space under glare are both judged
 * against their own neighbourhood. Flat regions (contrast below `offset`) become white.
 */
export function adaptiveThreshold(image: GreyImage, options: ThresholdOptions = {}): GreyImage {
  const { width, height, data } = image;
  const r = Math.max(2, Math.round(options.radius ?? Math.max(4, Math.min(width, height) / 16)));
  const offset = options.offset ?? 6;
  const sums = integral(image);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const mean = boxMean(sums, width, height, x, y, r);
      out[y * width + x] = (data[y * width + x] ?? 0) < mean - offset ? 0 : 255;
    }
  }
  return { width, height, data: out };
}

/**
 * Resizes to width × height: area averaging when shrinking (no aliasing of thin bars), bilinear
 * when enlarging (a small symbol gets enough pixels per module for the detectors).
 */
export function resize(image: GreyImage, width: number, height: number): Transformed {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const sx = image.width / w;
  const sy = image.height / h;
  const toSource: Affine = [sx, 0, 0, 0, sy, 0];
  if (w === image.width && h === image.height) return { image, toSource: IDENTITY };
  const out = new Uint8Array(w * h);
  const src = image.data;
  const W = image.width;
  const H = image.height;
  if (sx >= 1 && sy >= 1) {
    const sums = integral(image);
    const w1 = W + 1;
    for (let y = 0; y < h; y++) {
      const y0 = Math.floor(y * sy);
      const y1 = Math.max(y0 + 1, Math.min(H, Math.floor((y + 1) * sy)));
      for (let x = 0; x < w; x++) {
        const x0 = Math.floor(x * sx);
        const x1 = Math.max(x0 + 1, Math.min(W, Math.floor((x + 1) * sx)));
        const total =
          (sums[y1 * w1 + x1] ?? 0) -
          (sums[y0 * w1 + x1] ?? 0) -
          (sums[y1 * w1 + x0] ?? 0) +
          (sums[y0 * w1 + x0] ?? 0);
        out[y * w + x] = Math.round(total / ((x1 - x0) * (y1 - y0)));
      }
    }
    return { image: { width: w, height: h, data: out }, toSource };
  }
  for (let y = 0; y < h; y++) {
    const fy = Math.max(0, Math.min(H - 1, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(H - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.max(0, Math.min(W - 1, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(W - 1, x0 + 1);
      const wx = fx - x0;
      const a = src[y0 * W + x0] ?? 0;
      const b = src[y0 * W + x1] ?? 0;
      const c = src[y1 * W + x0] ?? 0;
      const d = src[y1 * W + x1] ?? 0;
      const top = a + (b - a) * wx;
      out[y * w + x] = Math.round(top + (c + (d - c) * wx - top) * wy);
    }
  }
  return { image: { width: w, height: h, data: out }, toSource };
}

/** Scales by `factor` (both axes). */
export function scale(image: GreyImage, factor: number): Transformed {
  return resize(image, image.width * factor, image.height * factor);
}

/** Rotates clockwise by a multiple of 90°, exactly (no resampling). */
export function rotate90(image: GreyImage, quarterTurns: number): Transformed {
  const q = ((Math.round(quarterTurns) % 4) + 4) % 4;
  if (q === 0) return { image, toSource: IDENTITY };
  const { width: W, height: H, data } = image;
  const w = q === 2 ? W : H;
  const h = q === 2 ? H : W;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Source pixel of output pixel (x, y).
      let sx: number;
      let sy: number;
      if (q === 1) {
        sx = y;
        sy = H - 1 - x;
      } else if (q === 2) {
        sx = W - 1 - x;
        sy = H - 1 - y;
      } else {
        sx = W - 1 - y;
        sy = x;
      }
      out[y * w + x] = data[sy * W + sx] ?? 0;
    }
  }
  // The same maps for continuous coordinates (a pixel's far edge is at +1).
  const toSource: Affine =
    q === 1 ? [0, 1, 0, -1, 0, H] : q === 2 ? [-1, 0, W, 0, -1, H] : [0, -1, W, 1, 0, 0];
  return { image: { width: w, height: h, data: out }, toSource };
}

/**
 * Rotates clockwise by any angle (bilinear), into a canvas large enough for the whole image;
 * the corners it uncovers take the image's median grey so they add no edges of their own.
 * Straightens a skewed 1-D symbol whose bars would otherwise cross the scan lines at an angle.
 */
export function rotate(image: GreyImage, degrees: number): Transformed {
  if (degrees % 360 === 0) return { image, toSource: IDENTITY };
  const { width: W, height: H, data } = image;
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const w = Math.ceil(Math.abs(W * cos) + Math.abs(H * sin));
  const h = Math.ceil(Math.abs(W * sin) + Math.abs(H * cos));
  const fill = percentile(histogram(image), data.length, 0.5);
  // Output point (x, y) → source: rotate by −t about the centres.
  const cx = w / 2;
  const cy = h / 2;
  const Cx = W / 2;
  const Cy = H / 2;
  const toSource: Affine = [
    cos,
    sin,
    Cx - cos * cx - sin * cy,
    -sin,
    cos,
    Cy + sin * cx - cos * cy,
  ];
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const fx = toSource[0] * px + toSource[1] * py + toSource[2] - 0.5;
      const fy = toSource[3] * px + toSource[4] * py + toSource[5] - 0.5;
      if (fx < -0.5 || fy < -0.5 || fx > W - 0.5 || fy > H - 0.5) {
        out[y * w + x] = fill;
        continue;
      }
      const x0 = Math.max(0, Math.min(W - 1, Math.floor(fx)));
      const y0 = Math.max(0, Math.min(H - 1, Math.floor(fy)));
      const x1 = Math.min(W - 1, x0 + 1);
      const y1 = Math.min(H - 1, y0 + 1);
      const wx = Math.max(0, Math.min(1, fx - x0));
      const wy = Math.max(0, Math.min(1, fy - y0));
      const a = data[y0 * W + x0] ?? 0;
      const b = data[y0 * W + x1] ?? 0;
      const c = data[y1 * W + x0] ?? 0;
      const d = data[y1 * W + x1] ?? 0;
      const top = a + (b - a) * wx;
      out[y * w + x] = Math.round(top + (c + (d - c) * wx - top) * wy);
    }
  }
  return { image: { width: w, height: h, data: out }, toSource };
}

/**
 * Box blur along one axis only. Along the bars of an upright 1-D symbol it averages out print
 * texture, glare speckle and sensor noise while the bar edges (across) stay sharp.
 */
export function axisBlur(image: GreyImage, radius: number, axis: 'x' | 'y'): GreyImage {
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const along = axis === 'y' ? height : width;
  const lines = axis === 'y' ? width : height;
  const stride = axis === 'y' ? width : 1;
  const lineStep = axis === 'y' ? 1 : width;
  const prefix = new Float64Array(along + 1);
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let i = 0; i < along; i++)
      prefix[i + 1] = (prefix[i] ?? 0) + (data[base + i * stride] ?? 0);
    for (let i = 0; i < along; i++) {
      const a = Math.max(0, i - r);
      const b = Math.min(along, i + r + 1);
      out[base + i * stride] = Math.round(((prefix[b] ?? 0) - (prefix[a] ?? 0)) / (b - a));
    }
  }
  return { width, height, data: out };
}

/**
 * Local contrast normalisation: each pixel's distance from its neighbourhood mean, in units of
 * the neighbourhood's standard deviation, mapped back to 0-255. Glare and shadow change the
 * mean and the spread of a region, not the order of bars and spaces inside it.
 */
export function normalizeLocal(image: GreyImage, radius: number): GreyImage {
  const { width, height, data } = image;
  const r = Math.max(2, Math.round(radius));
  const sums = integral(image);
  const sq = new Float64Array((width + 1) * (height + 1));
  const w1 = width + 1;
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x] ?? 0;
      row += v * v;
      sq[(y + 1) * w1 + x + 1] = (sq[y * w1 + x + 1] ?? 0) + row;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const n = (x1 - x0) * (y1 - y0);
      const s =
        (sums[y1 * w1 + x1] ?? 0) -
        (sums[y0 * w1 + x1] ?? 0) -
        (sums[y1 * w1 + x0] ?? 0) +
        (sums[y0 * w1 + x0] ?? 0);
      const s2 =
        (sq[y1 * w1 + x1] ?? 0) -
        (sq[y0 * w1 + x1] ?? 0) -
        (sq[y1 * w1 + x0] ?? 0) +
        (sq[y0 * w1 + x0] ?? 0);
      const mean = s / n;
      const sd = Math.sqrt(Math.max(0, s2 / n - mean * mean));
      const z = ((data[y * width + x] ?? 0) - mean) / (sd + 4);
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(128 + 64 * z)));
    }
  }
  return { width, height, data: out };
}
