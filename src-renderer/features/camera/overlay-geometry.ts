/** Pixel geometry between a camera frame and the preview that shows it. */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

/** A code's corners as the reader reports them, in frame pixels. */
export interface Corners {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

/**
 * Where a frame is drawn inside a box with `object-fit: contain` (the preview shows the whole
 * frame, letterboxed, so that what the inspector sees is what the reader sees): scaled by the
 * smaller ratio, centred. An empty frame or box draws nowhere.
 */
export function containRect(frame: Size, box: Size): Rect {
  if (frame.width <= 0 || frame.height <= 0 || box.width <= 0 || box.height <= 0)
    return { x: 0, y: 0, width: 0, height: 0 };
  const scale = Math.min(box.width / frame.width, box.height / frame.height);
  const width = frame.width * scale;
  const height = frame.height * scale;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}

/**
 * Frame points in preview pixels. `mirrored` is a preview flipped left-right (a front camera
 * shown as a mirror): the points flip with it.
 */
export function toPreview(
  points: readonly Point[],
  frame: Size,
  box: Size,
  mirrored = false,
): Point[] {
  const r = containRect(frame, box);
  if (r.width === 0) return [];
  const sx = r.width / frame.width;
  const sy = r.height / frame.height;
  return points.map((p) => ({
    x: r.x + (mirrored ? frame.width - p.x : p.x) * sx,
    y: r.y + p.y * sy,
  }));
}

/** The corners in drawing order, round the code. */
export function cornerRing(c: Corners): Point[] {
  return [c.topLeft, c.topRight, c.bottomRight, c.bottomLeft];
}

/** SVG `points` of a polygon, to a tenth of a pixel. */
export function svgPoints(points: readonly Point[]): string {
  const n = (v: number) => String(Math.round(v * 10) / 10);
  return points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
}

/** Where a label goes beside a polygon: above its highest corner, inside the box. */
export function labelAnchor(points: readonly Point[], box: Size, lineHeight = 18): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  const minX = Math.min(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxY = Math.max(...points.map((p) => p.y));
  const above = minY - 6;
  return {
    x: Math.max(0, Math.min(minX, box.width - 1)),
    y: above >= lineHeight ? above : Math.min(maxY + lineHeight, box.height),
  };
}
