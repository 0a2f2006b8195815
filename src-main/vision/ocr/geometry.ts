/**
 * The little plane geometry text detection needs: convex hull, minimum-area rectangle, and
 * rectangle corners in reading order. Pure functions on plain numbers (pixel coordinates, y down).
 */

export type Point = readonly [number, number];

/** Four corners: top-left, top-right, bottom-right, bottom-left (as the text reads). */
export type Quad = readonly [Point, Point, Point, Point];

export interface RotatedRect {
  readonly cx: number;
  readonly cy: number;
  /** Along the rectangle's first axis (`ux`, `uy`). */
  readonly width: number;
  readonly height: number;
  /** Unit vector of the first axis. */
  readonly ux: number;
  readonly uy: number;
}

const cross = (o: Point, a: Point, b: Point): number =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Andrew's monotone chain; collinear points dropped. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length <= 2) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower.at(-2) ?? p, lower.at(-1) ?? p, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const p = sorted[i] ?? [0, 0];
    while (upper.length >= 2 && cross(upper.at(-2) ?? p, upper.at(-1) ?? p, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return [...lower, ...upper];
}

/**
 * The smallest-area rectangle around a point set (what OpenCV's minAreaRect answers): one side
 * of it always lies on an edge of the convex hull, so trying every hull edge finds it.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  const first = hull[0] ?? [0, 0];
  if (hull.length === 1) return { cx: first[0], cy: first[1], width: 0, height: 0, ux: 1, uy: 0 };
  let best: RotatedRect | null = null;
  let bestArea = Number.POSITIVE_INFINITY;
  for (let i = 0; i < hull.length; i += 1) {
    const a = hull[i] ?? first;
    const b = hull[(i + 1) % hull.length] ?? first;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    let minU = Number.POSITIVE_INFINITY;
    let maxU = Number.NEGATIVE_INFINITY;
    let minV = Number.POSITIVE_INFINITY;
    let maxV = Number.NEGATIVE_INFINITY;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        cx: cu * ux - cv * uy,
        cy: cu * uy + cv * ux,
        width: maxU - minU,
        height: maxV - minV,
        ux,
        uy,
      };
    }
  }
  return best ?? { cx: first[0], cy: first[1], width: 0, height: 0, ux: 1, uy: 0 };
}

/** The same rectangle grown by `d` on every side (a rectangle offset with round joins, bounded). */
export function growRect(rect: RotatedRect, d: number): RotatedRect {
  return { ...rect, width: rect.width + 2 * d, height: rect.height + 2 * d };
}

function corners(rect: RotatedRect): Point[] {
  const { cx, cy, ux, uy } = rect;
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  // The second axis is the first turned a quarter clockwise (y grows downwards).
  const vx = -uy;
  const vy = ux;
  return [
    [cx - ux * hw - vx * hh, cy - uy * hw - vy * hh],
    [cx + ux * hw - vx * hh, cy + uy * hw - vy * hh],
    [cx + ux * hw + vx * hh, cy + uy * hw + vy * hh],
    [cx - ux * hw + vx * hh, cy - uy * hw + vy * hh],
  ];
}

/**
 * A rectangle's corners as top-left, top-right, bottom-right, bottom-left, the way PaddleOCR
 * orders them: the two leftmost corners are the left side (the upper one first), the two
 * rightmost the right side. Right for text turned less than 45°, which is what a label on a
 * box photographed by hand is.
 */
export function quadOf(rect: RotatedRect): Quad {
  const byX = corners(rect).sort((a, b) => a[0] - b[0]);
  const [a, b, c, d] = byX as [Point, Point, Point, Point];
  const [tl, bl] = a[1] <= b[1] ? [a, b] : [b, a];
  const [tr, br] = c[1] <= d[1] ? [c, d] : [d, c];
  return [tl, tr, br, bl];
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
