import { describe, expect, it } from 'vitest';
import {
  adaptiveThreshold,
  applyAffine,
  axisBlur,
  boxBlur,
  clahe,
  composeAffine,
  gamma,
  greyImage,
  greyToRgba,
  normalizeLocal,
  resize,
  rgbaToGrey,
  rotate,
  rotate90,
  scale,
  sharpen,
  stretchContrast,
  type GreyImage,
} from './preprocess';

function fill(width: number, height: number, f: (x: number, y: number) => number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { width, height, data };
}

const at = (img: GreyImage, x: number, y: number) => img.data[y * img.width + x] ?? -1;

/** Centre of the pixels brighter than 128. */
function brightCentre(img: GreyImage): { x: number; y: number } {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (at(img, x, y) > 128) {
        sx += x + 0.5;
        sy += y + 0.5;
        n++;
      }
    }
  }
  return { x: sx / n, y: sy / n };
}

/** A dark image with one bright 4×4 square whose centre is (14, 7). */
const marked = fill(40, 20, (x, y) => (x >= 12 && x < 16 && y >= 5 && y < 9 ? 255 : 0));

describe('grey and RGBA', () => {
  it('uses zxing’s luminance weights and round-trips grey exactly', () => {
    const rgba = new Uint8ClampedArray([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255,
    ]);
    const grey = rgbaToGrey({ width: 2, height: 2, data: rgba });
    expect([...grey.data]).toEqual([76, 150, 29, 18]);
    const back = greyToRgba(grey);
    expect([...back.data.slice(0, 8)]).toEqual([76, 76, 76, 255, 150, 150, 150, 255]);
    expect([...rgbaToGrey(back).data]).toEqual([...grey.data]);
  });

  it('refuses sizes that do not match the data', () => {
    expect(() => greyImage(3, 3, new Uint8Array(8))).toThrow(RangeError);
    expect(() => greyImage(0, 3)).toThrow(RangeError);
    expect(() => rgbaToGrey({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(RangeError);
  });
});

describe('geometry: every copy maps back to the source', () => {
  it('composes affine maps inner first', () => {
    const double = [2, 0, 0, 0, 2, 0] as const;
    const shift = [1, 0, 5, 0, 1, -1] as const;
    expect(applyAffine(composeAffine(double, shift), { x: 1, y: 1 })).toEqual({ x: 12, y: 0 });
  });

  it('resizes up (bilinear) and down (area), with the map back', () => {
    for (const factor of [3, 0.5]) {
      const t = scale(marked, factor);
      expect(t.image.width).toBe(Math.round(40 * factor));
      const back = applyAffine(t.toSource, brightCentre(t.image));
      expect(back.x).toBeCloseTo(14, 0);
      expect(back.y).toBeCloseTo(7, 0);
    }
    expect(resize(marked, 40, 20).image).toBe(marked);
  });

  it('rotates by quarter turns exactly', () => {
    for (const q of [1, 2, 3]) {
      const t = rotate90(marked, q);
      expect([t.image.width, t.image.height]).toEqual(q === 2 ? [40, 20] : [20, 40]);
      expect(t.image.data.reduce((s, v) => s + v, 0)).toBe(16 * 255);
      const back = applyAffine(t.toSource, brightCentre(t.image));
      expect(back.x).toBeCloseTo(14, 5);
      expect(back.y).toBeCloseTo(7, 5);
    }
    // A quarter turn clockwise: the top-left pixel goes to the top-right corner.
    const corner = fill(3, 2, (x, y) => (x === 0 && y === 0 ? 255 : 0));
    expect(at(rotate90(corner, 1).image, 1, 0)).toBe(255);
  });

  it('rotates by any angle into a larger canvas filled with the median grey', () => {
    for (const degrees of [30, -45, 10]) {
      const t = rotate(marked, degrees);
      const r = (degrees * Math.PI) / 180;
      expect(t.image.width).toBe(
        Math.ceil(40 * Math.abs(Math.cos(r)) + 20 * Math.abs(Math.sin(r))),
      );
      const back = applyAffine(t.toSource, brightCentre(t.image));
      expect(back.x).toBeCloseTo(14, 0);
      expect(back.y).toBeCloseTo(7, 0);
      expect(at(t.image, 0, 0)).toBe(0);
    }
    expect(rotate(marked, 360).image).toBe(marked);
  });
});

describe('contrast and sharpness', () => {
  const dull = fill(64, 32, (x) => (Math.floor(x / 4) % 2 === 0 ? 100 : 140));

  it('stretches a washed-out image to the full range', () => {
    const s = stretchContrast(dull);
    expect(Math.min(...s.data)).toBe(0);
    expect(Math.max(...s.data)).toBe(255);
    const full = fill(8, 8, (x) => (x < 4 ? 0 : 255));
    expect(stretchContrast(full)).toBe(full);
  });

  it('CLAHE evens out a shadow across bars', () => {
    // Bars of the same print, the right half in deep shadow.
    const shaded = fill(128, 64, (x) => {
      const bar = Math.floor(x / 4) % 2 === 0;
      return x < 64 ? (bar ? 60 : 200) : bar ? 10 : 50;
    });
    const out = clahe(shaded, { tiles: 8, clipLimit: 64 });
    const contrast = (img: GreyImage, x0: number) =>
      Math.abs(at(img, x0 + 4, 32) - at(img, x0, 32));
    // In: 140 grey levels in the light, 40 in the shadow; out: about the same in both.
    expect(contrast(out, 96)).toBeGreaterThan(100);
    expect(contrast(out, 16) / contrast(out, 96)).toBeLessThan(1.5);
    // The clip limit bounds the gain: at 1 the histogram stays flat and nothing changes much.
    const flat = clahe(shaded, { tiles: 8, clipLimit: 1 });
    expect(Math.abs(at(flat, 96, 32) - at(shaded, 96, 32))).toBeLessThan(8);
  });

  it('adaptive threshold gives black and white that follows the local light', () => {
    const shaded = fill(128, 32, (x) => {
      const bar = Math.floor(x / 4) % 2 === 0;
      return x < 64 ? (bar ? 120 : 220) : bar ? 10 : 60;
    });
    const out = adaptiveThreshold(shaded, { radius: 8, offset: 4 });
    expect(new Set(out.data)).toEqual(new Set([0, 255]));
    expect([at(out, 16, 16), at(out, 20, 16), at(out, 96, 16), at(out, 100, 16)]).toEqual([
      0, 255, 0, 255,
    ]);
  });

  it('local normalisation gives bars in glare and in shadow the same contrast', () => {
    const lit = fill(128, 32, (x) => {
      const bar = Math.floor(x / 4) % 2 === 0;
      return x < 64 ? (bar ? 200 : 250) : bar ? 20 : 70;
    });
    const out = normalizeLocal(lit, 6);
    const span = (x0: number) => at(out, x0 + 4, 16) - at(out, x0, 16);
    expect(span(16)).toBeGreaterThan(100);
    expect(Math.abs(span(16) - span(96))).toBeLessThan(20);
  });

  it('sharpening raises contrast at an edge; blurs keep the mean', () => {
    const edge = fill(32, 8, (x) => (x < 16 ? 80 : 160));
    const sharp = sharpen(edge, 2, 1.5);
    expect(at(sharp, 15, 4)).toBeLessThan(80);
    expect(at(sharp, 16, 4)).toBeGreaterThan(160);
    const blurred = boxBlur(edge, 2);
    expect(at(blurred, 15, 4)).toBeGreaterThan(80);
    expect(at(blurred, 0, 4)).toBe(80);
    expect(boxBlur(edge, 0)).toBe(edge);
  });

  it('an axis blur along the bars keeps the bar edges', () => {
    const bars = fill(32, 32, (x, y) => ((Math.floor(x / 4) % 2 === 0) !== (y === 10) ? 0 : 255));
    const out = axisBlur(bars, 4, 'y');
    // The odd row is averaged away, the edges between bars stay sharp.
    expect(at(out, 1, 10)).toBeLessThan(40);
    expect(at(out, 3, 20)).toBe(0);
    expect(at(out, 4, 20)).toBe(255);
  });

  it('gamma is monotonic and keeps black and white', () => {
    const ramp = fill(256, 1, (x) => x);
    for (const g of [0.6, 1.6]) {
      const out = gamma(ramp, g);
      expect(at(out, 0, 0)).toBe(0);
      expect(at(out, 255, 0)).toBe(255);
      for (let x = 1; x < 256; x++) expect(at(out, x, 0)).toBeGreaterThanOrEqual(at(out, x - 1, 0));
    }
  });
});
