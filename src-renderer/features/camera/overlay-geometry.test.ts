import { describe, expect, it } from 'vitest';
import { containRect, cornerRing, labelAnchor, svgPoints, toPreview } from './overlay-geometry';

const HD = { width: 1280, height: 720 };

describe('containRect', () => {
  it('fills a box of the same shape', () => {
    expect(containRect(HD, { width: 640, height: 360 })).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 360,
    });
  });

  it('letterboxes a wide frame in a tall box, and pillarboxes it in a wider one', () => {
    expect(containRect(HD, { width: 640, height: 480 })).toEqual({
      x: 0,
      y: 60,
      width: 640,
      height: 360,
    });
    expect(containRect(HD, { width: 1000, height: 360 })).toEqual({
      x: 180,
      y: 0,
      width: 640,
      height: 360,
    });
  });

  it('draws nowhere before the video knows its size', () => {
    expect(containRect({ width: 0, height: 0 }, { width: 640, height: 480 }).width).toBe(0);
    expect(
      toPreview([{ x: 1, y: 1 }], { width: 0, height: 0 }, { width: 640, height: 480 }),
    ).toEqual([]);
  });
});

describe('toPreview', () => {
  it('scales corners into the letterboxed preview', () => {
    const box = { width: 640, height: 480 };
    expect(
      toPreview(
        [
          { x: 0, y: 0 },
          { x: 1280, y: 720 },
          { x: 640, y: 360 },
        ],
        HD,
        box,
      ),
    ).toEqual([
      { x: 0, y: 60 },
      { x: 640, y: 420 },
      { x: 320, y: 240 },
    ]);
  });

  it('flips x for a mirrored preview', () => {
    expect(toPreview([{ x: 100, y: 50 }], HD, { width: 1280, height: 720 }, true)).toEqual([
      { x: 1180, y: 50 },
    ]);
  });
});

describe('polygons', () => {
  it('rings the corners clockwise and writes SVG points', () => {
    const ring = cornerRing({
      topLeft: { x: 1, y: 2 },
      topRight: { x: 3, y: 2 },
      bottomRight: { x: 3, y: 4.04 },
      bottomLeft: { x: 1, y: 4 },
    });
    expect(svgPoints(ring)).toBe('1,2 3,2 3,4 1,4');
  });

  it('puts the label above the code, or below it at the top edge', () => {
    const box = { width: 640, height: 360 };
    expect(
      labelAnchor(
        [
          { x: 100, y: 100 },
          { x: 200, y: 150 },
        ],
        box,
      ),
    ).toEqual({ x: 100, y: 94 });
    expect(
      labelAnchor(
        [
          { x: 100, y: 5 },
          { x: 200, y: 50 },
        ],
        box,
      ),
    ).toEqual({ x: 100, y: 68 });
  });
});
