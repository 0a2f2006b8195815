import { describe, expect, it } from 'vitest';
import { characterClasses, ctcGreedy } from './ctc';
import { boxesFromMap } from './db-postprocess';
import { minAreaRect, quadOf, type Point } from './geometry';
import { detectionSize } from './image';
import { labelContext, marketOfGtin } from './label-reading';
import { readingOrder, type RecognisedBox } from './reading-order';

describe('geometry', () => {
  it('finds the minimum-area rectangle of a turned rectangle', () => {
    const angle = (10 * Math.PI) / 180;
    const points: Point[] = [];
    for (let u = 0; u <= 100; u += 5) {
      for (let v = 0; v <= 20; v += 5) {
        points.push([
          50 + u * Math.cos(angle) - v * Math.sin(angle),
          30 + u * Math.sin(angle) + v * Math.cos(angle),
        ]);
      }
    }
    const rect = minAreaRect(points);
    expect(Math.max(rect.width, rect.height)).toBeCloseTo(100, 5);
    expect(Math.min(rect.width, rect.height)).toBeCloseTo(20, 5);
    const [tl, tr, br, bl] = quadOf(rect);
    expect(tl[0]).toBeLessThan(tr[0]);
    expect(bl[0]).toBeLessThan(br[0]);
    expect(tl[1]).toBeLessThan(bl[1]);
    expect(tr[1]).toBeGreaterThan(tl[1]); // turned clockwise: the right end sits lower
  });
});

describe('DB post-processing', () => {
  it('turns a probability map into boxes in source pixels, grown back by the unclip ratio', () => {
    const width = 64;
    const height = 32;
    const data = new Float32Array(width * height);
    // A text kernel 40 × 6 at (10, 12), and a speck of noise too small to be text.
    for (let y = 12; y < 18; y += 1) for (let x = 10; x < 50; x += 1) data[y * width + x] = 0.9;
    data[2 * width + 60] = 0.95;
    const boxes = boxesFromMap({ data, width, height }, 640, 320);
    expect(boxes).toHaveLength(1);
    const [box] = boxes;
    expect(box?.score).toBeCloseTo(0.9, 2);
    const [tl, tr, br, bl] = box?.quad ?? [];
    // Kernel 39 × 5 (pixel centres) grown by 39·5·1.5 / (2·44) ≈ 3.3 on each side, then × 10.
    expect(tl?.[0]).toBeCloseTo(100 - 33.2, 0);
    expect(tr?.[0]).toBeCloseTo(490 + 33.2, 0);
    expect(bl?.[1]).toBeCloseTo(170 + 33.2, 0);
    expect(br?.[1]).toBeCloseTo(170 + 33.2, 0);
  });

  it('drops a region whose mean probability is below the box threshold', () => {
    const width = 32;
    const height = 16;
    const data = new Float32Array(width * height);
    for (let y = 4; y < 10; y += 1) for (let x = 4; x < 28; x += 1) data[y * width + x] = 0.4;
    expect(boxesFromMap({ data, width, height }, 32, 16)).toEqual([]);
  });

  it('sizes the detection input in multiples of 32, longest side at most 960', () => {
    expect(detectionSize(2048, 1536)).toEqual({ width: 960, height: 736 });
    expect(detectionSize(700, 300)).toEqual({ width: 704, height: 288 });
    expect(detectionSize(10, 10)).toEqual({ width: 32, height: 32 });
  });
});

describe('CTC greedy decoding', () => {
  it('collapses repeats, drops blanks, keeps doubled letters split by a blank', () => {
    const classes = characterClasses('A\nB\nO\n');
    expect(classes).toEqual(['A', 'B', 'O', ' ']);
    const steps = [1, 1, 0, 2, 0, 2, 4, 3, 3];
    const output = new Float32Array(steps.length * 5);
    steps.forEach((c, t) => {
      output[t * 5 + c] = 0.8;
    });
    const decoded = ctcGreedy(output, 0, steps.length, classes);
    expect(decoded.text).toBe('ABB O');
    expect(decoded.confidence).toBeCloseTo(0.8, 5);
  });
});

describe('reading order', () => {
  const box = (x: number, y: number, w: number, text: string, tilt = 0): RecognisedBox => ({
    quad: [
      [x, y],
      [x + w, y + w * tilt],
      [x + w, y + 30 + w * tilt],
      [x, y + 30],
    ],
    text,
    confidence: 0.9,
  });

  it('joins the boxes of one printed line, left to right, and orders lines top to bottom', () => {
    const lines = readingOrder([
      box(400, 100, 200, 'LOT A1'),
      box(20, 20, 300, 'Best before'),
      box(20, 100, 300, 'EXP 2027-03-15'),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Best before', 'EXP 2027-03-15 LOT A1']);
    expect(lines[1]?.box).toEqual([
      [20, 100],
      [600, 100],
      [600, 130],
      [20, 130],
    ]);
  });

  it('keeps a tilted line together although its ends sit at different heights', () => {
    const tilt = Math.tan((5 * Math.PI) / 180);
    const lines = readingOrder([
      box(20, 20, 300, 'Whole Wheat', tilt),
      box(700, 20 + 680 * tilt, 200, 'Crackers', tilt),
      box(20 - 60 * tilt, 80, 400, 'EXP 2027-03-15', tilt),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Whole Wheat Crackers', 'EXP 2027-03-15']);
  });
});

describe('label context', () => {
  it('reads the market from the GTIN prefix', () => {
    expect(marketOfGtin('6920001000012')).toBe('CN');
    expect(marketOfGtin('4000001000015')).toBe('DE');
    expect(marketOfGtin('012345000065')).toBe('US'); // GTIN-12
    expect(marketOfGtin('10012345000062')).toBe('US'); // GTIN-14
    expect(marketOfGtin('2000000000008')).toBeUndefined(); // restricted circulation
    expect(marketOfGtin('96385074')).toBeUndefined(); // GTIN-8
    expect(marketOfGtin(undefined)).toBeUndefined();
  });

  it('says Chinese when the label prints Chinese characters', () => {
    expect(labelContext(['生产日期：2026-09-15'], '2026-11-28')).toEqual({
      today: '2026-11-28',
      language: 'zh',
    });
    expect(labelContext(['EXP 03/04/2027'], '2026-11-28', '0012345000065')).toEqual({
      today: '2026-11-28',
      market: 'US',
    });
  });
});
