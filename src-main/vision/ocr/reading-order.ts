/**
 * Reading order: recognised boxes grouped into the label's printed lines, top to bottom, left
 * to right. The detector often splits one printed line where the spacing is wide
 * (`EXP: 2027-03-15      LOT: A1`); the label reader wants the line whole. A photo taken at
 * a slant tilts every line alike, so boxes are grouped in a frame turned by their median
 * angle: two boxes at the ends of one tilted line sit at different heights in the photo
 * but at the same height in that frame.
 */
import type { Point, Quad } from './geometry';

export interface RecognisedBox {
  readonly quad: Quad;
  readonly text: string;
  readonly confidence: number;
}

export interface TextLine {
  readonly text: string;
  readonly confidence: number;
  /** Corners in the photo's pixels, rounded: top-left, top-right, bottom-right, bottom-left. */
  readonly box: [Corner, Corner, Corner, Corner];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface Placed {
  readonly box: RecognisedBox;
  /** Along the line, and across it (downwards), in the turned frame. */
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
}

type Corner = [number, number];
const EMPTY: Quad = [
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
];
const round = (p: Point): Corner => [Math.round(p[0]), Math.round(p[1])];

/** Groups boxes into lines (reading order) and joins each line's texts with a space. */
export function readingOrder(boxes: readonly RecognisedBox[]): TextLine[] {
  if (boxes.length === 0) return [];
  const angle = median(boxes.map(({ quad: [tl, tr] }) => Math.atan2(tr[1] - tl[1], tr[0] - tl[0])));
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const along = (p: Point) => p[0] * cos + p[1] * sin;
  const across = (p: Point) => -p[0] * sin + p[1] * cos;
  const placed: Placed[] = boxes.map((box) => {
    const across4 = box.quad.map(across);
    return {
      box,
      left: Math.min(...box.quad.map(along)),
      top: Math.min(...across4),
      bottom: Math.max(...across4),
    };
  });
  placed.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));

  // A box joins a line when at least half of the smaller height overlaps the line's band.
  const lines: { items: Placed[]; top: number; bottom: number }[] = [];
  for (const p of placed) {
    const line = lines.find((l) => {
      const overlap = Math.min(l.bottom, p.bottom) - Math.max(l.top, p.top);
      return overlap >= 0.5 * Math.min(l.bottom - l.top, p.bottom - p.top);
    });
    if (line) {
      line.items.push(p);
      line.top = Math.min(line.top, p.top);
      line.bottom = Math.max(line.bottom, p.bottom);
    } else {
      lines.push({ items: [p], top: p.top, bottom: p.bottom });
    }
  }
  lines.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  return lines.map(({ items }) => {
    items.sort((a, b) => a.left - b.left);
    // A line always holds at least one box; EMPTY only satisfies the type checker.
    const [tl, , , bl] = items[0]?.box.quad ?? EMPTY;
    const [, tr, br] = items.at(-1)?.box.quad ?? EMPTY;
    // The line's confidence weighs each box by its characters.
    const chars = items.reduce((n, i) => n + Math.max(1, i.box.text.length), 0);
    const confidence =
      items.reduce((s, i) => s + i.box.confidence * Math.max(1, i.box.text.length), 0) / chars;
    return {
      text: items.map((i) => i.box.text.trim()).join(' '),
      confidence,
      box: [round(tl), round(tr), round(br), round(bl)],
    };
  });
}
