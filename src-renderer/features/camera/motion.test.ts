import { describe, expect, it } from 'vitest';
import { frameSignature, GRID_H, GRID_W, motionBetween } from './motion';

function frame(width: number, height: number, grey: (x: number, y: number) => number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const v = grey(x, y);
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  return data;
}

describe('motion', () => {
  it('samples a grid of grey levels', () => {
    const sig = frameSignature(
      frame(64, 36, (x) => (x < 32 ? 0 : 200)),
      64,
      36,
    );
    expect(sig.length).toBe(GRID_W * GRID_H);
    expect(sig[0]).toBe(0);
    expect(sig[GRID_W - 1]).toBe(200);
  });

  it('is zero for the same picture and large for a moved one', () => {
    const a = frameSignature(
      frame(64, 36, (x) => (x < 32 ? 0 : 200)),
      64,
      36,
    );
    const b = frameSignature(
      frame(64, 36, (x) => (x < 32 ? 0 : 200)),
      64,
      36,
    );
    const moved = frameSignature(
      frame(64, 36, (x) => (x < 16 ? 0 : 200)),
      64,
      36,
    );
    expect(motionBetween(a, b)).toBe(0);
    expect(motionBetween(a, moved)).toBe(50);
  });

  it('copes with an empty frame', () => {
    expect(frameSignature([], 0, 0).every((v) => v === 0)).toBe(true);
    expect(motionBetween(new Uint8Array(), new Uint8Array())).toBe(0);
  });
});
