import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i420Size, rgbaToI420, writeY4m, y4mBytes, y4mHeader } from './y4m';

function solid(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) data.set([r, g, b, 255], i * 4);
  return data;
}

describe('y4m', () => {
  it('writes the header Chromium reads', () => {
    expect(y4mHeader(1280, 720, 10)).toBe('YUV4MPEG2 W1280 H720 F10:1 Ip A1:1 C420jpeg\n');
    expect(() => y4mHeader(1281, 720, 10)).toThrow(/even/);
    expect(() => y4mHeader(1280, 720, 0)).toThrow(/fps/);
  });

  it('sizes an I420 frame as Y plus a quarter each of U and V', () => {
    expect(i420Size(1280, 720)).toBe(1280 * 720 * 1.5);
    expect(rgbaToI420(solid(4, 2, [0, 0, 0]), 4, 2).length).toBe(12);
  });

  it('converts to BT.601 limited range', () => {
    const white = rgbaToI420(solid(2, 2, [255, 255, 255]), 2, 2);
    expect([...white]).toEqual([235, 235, 235, 235, 128, 128]);
    const black = rgbaToI420(solid(2, 2, [0, 0, 0]), 2, 2);
    expect([...black]).toEqual([16, 16, 16, 16, 128, 128]);
    const red = rgbaToI420(solid(2, 2, [255, 0, 0]), 2, 2);
    expect([...red]).toEqual([81, 81, 81, 81, 90, 240]);
  });

  it('averages chroma over each 2x2 block and keeps luma per pixel', () => {
    const rgba = new Uint8Array(2 * 2 * 4);
    rgba.set([255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 255]);
    const frame = rgbaToI420(rgba, 2, 2);
    expect([...frame.subarray(0, 4)]).toEqual([81, 81, 41, 41]);
    expect(frame[4]).toBe(128 + Math.round((-37.797 * 127.5 + 112 * 127.5) / 255));
  });

  it('puts FRAME before every picture, in memory and on disk alike', async () => {
    const frames = [
      rgbaToI420(solid(4, 2, [0, 0, 0]), 4, 2),
      rgbaToI420(solid(4, 2, [255, 255, 255]), 4, 2),
    ];
    const bytes = y4mBytes(4, 2, 5, frames);
    const header = 'YUV4MPEG2 W4 H2 F5:1 Ip A1:1 C420jpeg\n';
    expect(bytes.length).toBe(header.length + 2 * ('FRAME\n'.length + 12));
    expect(bytes.subarray(header.length, header.length + 6).toString()).toBe('FRAME\n');
    const dir = mkdtempSync(join(tmpdir(), 'qcs-y4m-'));
    try {
      const file = join(dir, 'clip.y4m');
      expect(await writeY4m(file, 4, 2, 5, frames)).toBe(2);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a frame of the wrong size', () => {
    expect(() => y4mBytes(4, 2, 5, [new Uint8Array(11)])).toThrow(/12 bytes, not 11/);
  });
});
