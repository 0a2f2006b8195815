/**
 * DB (Differentiable Binarization) post-processing: the detection model's probability map →
 * text boxes, as PaddleOCR's DBPostProcess does it (threshold, regions, minimum-area
 * rectangle, box score, unclip), written out here so that no OpenCV build is needed.
 */
import { growRect, minAreaRect, quadOf, type Point, type Quad } from './geometry';

export interface DbOptions {
  /** A pixel is text when its probability exceeds this (PaddleOCR det_db_thresh). */
  readonly threshold: number;
  /** A region is kept when its mean probability reaches this (det_db_box_thresh). */
  readonly boxThreshold: number;
  /** How far the shrunk text kernel is grown back (det_db_unclip_ratio). */
  readonly unclipRatio: number;
  /** Shorter side below this (in map pixels) is noise. */
  readonly minSize: number;
  readonly maxCandidates: number;
}

export const DB_DEFAULTS: DbOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

export interface ProbabilityMap {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

export interface DetectedBox {
  /** Corners in the source image's pixels: top-left, top-right, bottom-right, bottom-left. */
  readonly quad: Quad;
  /** Mean text probability inside the box. */
  readonly score: number;
}

interface Region {
  /** Row extremes: enough for the convex hull of the region. */
  readonly points: Point[];
  readonly size: number;
}

/**
 * 8-connected regions of the thresholded map (OpenCV's contours follow 8-connectivity too),
 * each reduced to its leftmost and rightmost pixel per row.
 */
function regions(map: ProbabilityMap, threshold: number, maxCandidates: number): Region[] {
  const { data, width, height } = map;
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  // Per-row extremes of the region being filled; rows it touched are reset afterwards.
  const rowMin = new Int32Array(height).fill(width);
  const rowMax = new Int32Array(height).fill(-1);
  const found: Region[] = [];
  for (let start = 0; start < data.length; start += 1) {
    if (seen[start] === 1 || (data[start] ?? 0) <= threshold) continue;
    seen[start] = 1;
    let top = 0;
    stack[top++] = start;
    let size = 0;
    let yMin = height;
    let yMax = -1;
    while (top > 0) {
      const p = stack[--top] ?? 0;
      size += 1;
      const y = (p / width) | 0;
      const x = p - y * width;
      if (x < (rowMin[y] ?? width)) rowMin[y] = x;
      if (x > (rowMax[y] ?? -1)) rowMax[y] = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (seen[q] === 1 || (data[q] ?? 0) <= threshold) continue;
          seen[q] = 1;
          stack[top++] = q;
        }
      }
    }
    const points: Point[] = [];
    for (let y = yMin; y <= yMax; y += 1) {
      const left = rowMin[y] ?? width;
      const right = rowMax[y] ?? -1;
      if (right < 0) continue;
      points.push([left, y]);
      if (right !== left) points.push([right, y]);
      rowMin[y] = width;
      rowMax[y] = -1;
    }
    found.push({ points, size });
    if (found.length >= maxCandidates) break;
  }
  return found;
}

/** Mean probability inside a rotated rectangle (PaddleOCR's "fast" box score). */
function boxScore(map: ProbabilityMap, quad: Quad): number {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(map.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(map.height - 1, Math.ceil(Math.max(...ys)));
  const [a, b, , d] = quad;
  const ex = [b[0] - a[0], b[1] - a[1]] as const;
  const ey = [d[0] - a[0], d[1] - a[1]] as const;
  const lx = ex[0] * ex[0] + ex[1] * ex[1];
  const ly = ey[0] * ey[0] + ey[1] * ey[1];
  let sum = 0;
  let count = 0;
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      const px = x - a[0];
      const py = y - a[1];
      const u = px * ex[0] + py * ex[1];
      const v = px * ey[0] + py * ey[1];
      if (u < 0 || u > lx || v < 0 || v > ly) continue;
      sum += map.data[y * map.width + x] ?? 0;
      count += 1;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * Text boxes from the probability map, in the source image's pixels (`sourceWidth` ×
 * `sourceHeight`, which the map was resized from). Unordered; see reading-order.ts.
 */
export function boxesFromMap(
  map: ProbabilityMap,
  sourceWidth: number,
  sourceHeight: number,
  options: DbOptions = DB_DEFAULTS,
): DetectedBox[] {
  const sx = sourceWidth / map.width;
  const sy = sourceHeight / map.height;
  const boxes: DetectedBox[] = [];
  for (const region of regions(map, options.threshold, options.maxCandidates)) {
    if (region.size < options.minSize) continue;
    const rect = minAreaRect(region.points);
    if (Math.min(rect.width, rect.height) < options.minSize) continue;
    const score = boxScore(map, quadOf(rect));
    if (score < options.boxThreshold) continue;
    // The model marks a shrunk kernel of each text line; grow it back by area × ratio /
    // perimeter, the offset PaddleOCR applies with pyclipper.
    const d = (rect.width * rect.height * options.unclipRatio) / (2 * (rect.width + rect.height));
    const grown = growRect(rect, d);
    if (Math.min(grown.width, grown.height) < options.minSize + 2) continue;
    const clip = (p: Point): Point => [
      Math.min(sourceWidth, Math.max(0, p[0] * sx)),
      Math.min(sourceHeight, Math.max(0, p[1] * sy)),
    ];
    const [tl, tr, br, bl] = quadOf(grown);
    const quad: Quad = [clip(tl), clip(tr), clip(br), clip(bl)];
    const w = Math.hypot(quad[1][0] - quad[0][0], quad[1][1] - quad[0][1]);
    const h = Math.hypot(quad[3][0] - quad[0][0], quad[3][1] - quad[0][1]);
    if (w <= 3 || h <= 3) continue;
    boxes.push({ quad, score });
  }
  return boxes;
}
