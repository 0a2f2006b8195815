import { describe, expect, it } from 'vitest';
import { lumaFirstLayout, pgmHeader } from './luma-frame';

describe('luma frames', () => {
  it('writes the PGM header', () => {
    expect(new TextDecoder().decode(pgmHeader(1280, 720))).toBe('P5\n1280 720\n255\n');
  });

  it('lays I420 planes out after the header, luma first', () => {
    expect(lumaFirstLayout('I420', 4, 2, 16)).toEqual({
      layout: [
        { offset: 16, stride: 4 },
        { offset: 24, stride: 2 },
        { offset: 26, stride: 2 },
      ],
      size: 28,
    });
  });

  it('lays NV12 out with its interleaved chroma, odd sizes rounded up', () => {
    expect(lumaFirstLayout('NV12', 3, 3, 0)).toEqual({
      layout: [
        { offset: 0, stride: 3 },
        { offset: 9, stride: 4 },
      ],
      size: 17,
    });
  });

  it('has no luma plane for RGB formats', () => {
    expect(lumaFirstLayout('RGBA', 4, 2, 0)).toBeNull();
    expect(lumaFirstLayout(null, 4, 2, 0)).toBeNull();
  });
});
