/**
 * How much the picture moved between two frames, cheaply: a coarse grid of grey levels per
 * frame (a few hundred samples of a 1280×720 frame), and the mean absolute difference between
 * two grids. Sensor noise stays below ~3 grey levels; a hand moving a carton is well above 10.
 */

export const GRID_W = 32;
export const GRID_H = 18;

/** The grey level at GRID_W × GRID_H points spread over an RGBA frame. */
export function frameSignature(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const grid = new Uint8Array(GRID_W * GRID_H);
  if (width <= 0 || height <= 0) return grid;
  for (let gy = 0; gy < GRID_H; gy += 1) {
    const y = Math.min(height - 1, Math.floor(((gy + 0.5) * height) / GRID_H));
    for (let gx = 0; gx < GRID_W; gx += 1) {
      const x = Math.min(width - 1, Math.floor(((gx + 0.5) * width) / GRID_W));
      const i = (y * width + x) * 4;
      // Rec. 601 luma in integers (the weights sum to 256).
      const r = rgba[i] ?? 0;
      const g = rgba[i + 1] ?? 0;
      const b = rgba[i + 2] ?? 0;
      grid[gy * GRID_W + gx] = (77 * r + 150 * g + 29 * b) >> 8;
    }
  }
  return grid;
}

/** Mean absolute grey-level difference of two signatures (0: the same picture). */
export function motionBetween(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / n;
}
