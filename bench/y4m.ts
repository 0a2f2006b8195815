import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * YUV4MPEG2 (`.y4m`), the raw video format Chromium's fake camera plays
 * (`--use-file-for-fake-video-capture`): one text header line, then per frame the line
 * `FRAME` and the planar I420 picture — the Y plane (one byte per pixel), then U and V (one
 * byte per 2×2 pixels). Written here in a few lines rather than through ffmpeg, which the
 * test machines need not have.
 */

/** The stream header: size, frame rate, progressive, square pixels, 4:2:0 sampled at the centre. */
export function y4mHeader(width: number, height: number, fps: number): string {
  assertEvenSize(width, height);
  if (!Number.isInteger(fps) || fps <= 0) throw new RangeError(`fps must be a positive integer`);
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`;
}

/** Bytes of one I420 frame. */
export function i420Size(width: number, height: number): number {
  return width * height + 2 * (width / 2) * (height / 2);
}

function assertEvenSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0)
    throw new RangeError(`frame size must be positive integers (got ${width}x${height})`);
  if (width % 2 !== 0 || height % 2 !== 0)
    throw new RangeError(`4:2:0 needs an even width and height (got ${width}x${height})`);
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * An RGBA picture (4 bytes per pixel, as sharp's `.raw()` gives it; alpha ignored) as one I420
 * frame, in BT.601 limited range (Y 16–235, U/V 16–240) — what a webcam sends and what
 * Chromium expects. Chroma is the mean of each 2×2 block.
 */
export function rgbaToI420(rgba: Uint8Array, width: number, height: number): Uint8Array {
  assertEvenSize(width, height);
  if (rgba.length < width * height * 4)
    throw new RangeError(`${width}x${height} RGBA needs ${width * height * 4} bytes`);
  const out = new Uint8Array(i420Size(width, height));
  const cw = width / 2;
  const uOffset = width * height;
  const vOffset = uOffset + cw * (height / 2);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const r = rgba[i] ?? 0;
      const g = rgba[i + 1] ?? 0;
      const b = rgba[i + 2] ?? 0;
      out[y * width + x] = clamp(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
    }
  }
  for (let cy = 0; cy < height / 2; cy += 1) {
    for (let cx = 0; cx < cw; cx += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((cy * 2 + dy) * width + cx * 2 + dx) * 4;
        r += rgba[i] ?? 0;
        g += rgba[i + 1] ?? 0;
        b += rgba[i + 2] ?? 0;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[uOffset + cy * cw + cx] = clamp(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      out[vOffset + cy * cw + cx] = clamp(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return out;
}

/** A whole y4m file in memory: the header, then `FRAME\n` and the picture for each frame. */
export function y4mBytes(
  width: number,
  height: number,
  fps: number,
  frames: readonly Uint8Array[],
) {
  const size = i420Size(width, height);
  const header = Buffer.from(y4mHeader(width, height, fps), 'ascii');
  const marker = Buffer.from('FRAME\n', 'ascii');
  const parts: Uint8Array[] = [header];
  for (const frame of frames) {
    if (frame.length !== size)
      throw new RangeError(
        `an I420 frame of ${width}x${height} is ${size} bytes, not ${frame.length}`,
      );
    parts.push(marker, frame);
  }
  return Buffer.concat(parts);
}

/** Writes a y4m file frame by frame (a few seconds of 720p is tens of megabytes). */
export async function writeY4m(
  file: string,
  width: number,
  height: number,
  fps: number,
  frames: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<number> {
  const size = i420Size(width, height);
  const out = createWriteStream(file);
  let count = 0;
  const write = async (chunk: Uint8Array | string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  try {
    await write(y4mHeader(width, height, fps));
    for await (const frame of frames) {
      if (frame.length !== size)
        throw new RangeError(
          `an I420 frame of ${width}x${height} is ${size} bytes, not ${frame.length}`,
        );
      await write('FRAME\n');
      await write(frame);
      count += 1;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}
