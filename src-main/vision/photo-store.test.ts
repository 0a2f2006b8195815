import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../api/app-error';
import { tempDir } from '../test-support/temp-dir';
import { PhotoStore, type PhotoRefusal } from './photo-store';
import {
  isBlue,
  phoneJpeg,
  pixel,
  testJpeg,
  testPng,
  withJpegComment,
} from './test-images.test-helper';

/** Every file under a folder, relative to it. */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

async function refusal(
  promise: Promise<unknown>,
): Promise<{ reason: PhotoRefusal; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_input') {
      return { reason: err.params?.reason as PhotoRefusal, message: err.message };
    }
    throw err;
  }
  throw new Error('the upload was accepted');
}

describe('PhotoStore', () => {
  let dir: { path: string; cleanup: () => void };
  let store: PhotoStore;

  beforeEach(() => {
    dir = tempDir();
    store = new PhotoStore(dir.path);
  });
  afterEach(() => dir.cleanup());

  it('stores a JPEG named by the SHA-256 of the stored bytes, under a two-level fan-out', async () => {
    const photo = await store.put(await testJpeg());
    const file = readFileSync(store.path(photo.sha256));
    expect(createHash('sha256').update(file).digest('hex')).toBe(photo.sha256);
    expect(photo).toMatchObject({ width: 600, height: 400, bytes: file.length });
    const { sha256: h } = photo;
    expect(filesUnder(store.root)).toEqual([
      join(h.slice(0, 2), h.slice(2, 4), `${h}.jpg`),
      join(h.slice(0, 2), h.slice(2, 4), `${h}.thumb.jpg`),
    ]);
    expect((await sharp(file).metadata()).format).toBe('jpeg');
    expect(store.has(h)).toBe(true);
    expect(await store.get(h)).toEqual(file);
    expect(await store.verify(h)).toBe('ok');
  });

  it('strips EXIF (GPS, camera serial), XMP, the ICC profile and comments', async () => {
    const input = await phoneJpeg();
    const before = await sharp(input).metadata();
    // The picture really carries what must go: EXIF with a GPS IFD (tag 0x8825), XMP, ICC, a comment.
    const gpsTag = [Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])];
    expect(gpsTag.some((tag) => before.exif?.includes(tag))).toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();
    expect(input.includes('Taken at Dock 3')).toBe(true);
    expect(input.includes('SERIAL-4711-SECRET')).toBe(true);

    const photo = await store.put(input);
    const stored = await store.get(photo.sha256);
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.comments ?? []).toEqual([]);
    for (const secret of ['SERIAL-4711-SECRET', 'DockCam', 'GPSLatitude', 'Dock 3', 'Exif']) {
      expect(stored.includes(secret), secret).toBe(false);
    }
    const thumb = await store.thumbnail(photo.sha256);
    expect((await sharp(thumb).metadata()).exif).toBeUndefined();
    expect(thumb.includes('SERIAL-4711-SECRET')).toBe(false);
  });

  it('turns a photo upright from its EXIF orientation', async () => {
    // Orientation 6: the sensor image must be turned 90° clockwise to be seen upright, which
    // moves the blue marker from the top-left to the top-right corner and swaps the sides.
    const input = await phoneJpeg({ width: 600, height: 400, orientation: 6 });
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const photo = await store.put(input);
    expect(photo).toMatchObject({ width: 400, height: 600 });
    const stored = await store.get(photo.sha256);
    expect((await sharp(stored).metadata()).orientation).toBeUndefined();
    expect(isBlue(await pixel(stored, 400 - 10, 10))).toBe(true);
    expect(isBlue(await pixel(stored, 10, 10))).toBe(false);
  });

  it('scales a 6000 × 4000 photo to fit 2048 pixels and makes a thumbnail of at most 320', async () => {
    const photo = await store.put(await testJpeg({ width: 6000, height: 4000 }));
    expect(photo.width).toBe(2048);
    expect(photo.height).toBeLessThanOrEqual(2048);
    expect(photo.height).toBe(1365);
    const thumb = await sharp(await store.thumbnail(photo.sha256)).metadata();
    expect(Math.max(thumb.width, thumb.height)).toBe(320);
    expect(photo.thumbSha256).toBe(
      createHash('sha256')
        .update(await store.thumbnail(photo.sha256))
        .digest('hex'),
    );
  });

  it('never enlarges a small photo', async () => {
    const photo = await store.put(await testPng({ width: 120, height: 80 }));
    expect(photo).toMatchObject({ width: 120, height: 80 });
  });

  it('prints transparent parts of a PNG white', async () => {
    const png = await sharp({
      create: { width: 50, height: 50, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const photo = await store.put(png);
    const [r, g, b] = await pixel(await store.get(photo.sha256), 25, 25);
    expect(Math.min(r, g, b)).toBeGreaterThan(245);
  });

  it.each<[string, () => Buffer | Promise<Buffer>, PhotoRefusal, RegExp]>([
    ['an empty buffer', () => Buffer.alloc(0), 'empty', /empty/],
    [
      'a text file',
      () => Buffer.from('GTIN 06901234567892 lot A1234\n'),
      'not-an-image',
      /not a picture/,
    ],
    [
      'a PDF',
      () => Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'),
      'not-an-image',
      /not a picture/,
    ],
    [
      'an SVG drawing',
      () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        ),
      'unsupported-format',
      /SVG/,
    ],
    [
      'a truncated JPEG',
      async () => {
        const jpeg = await testJpeg();
        return jpeg.subarray(0, Math.floor(jpeg.length / 2));
      },
      'damaged',
      /damaged or incomplete/,
    ],
    [
      'a JPEG with corrupt data',
      async () => {
        const jpeg = Buffer.from(await testJpeg());
        for (let i = 700; i < jpeg.length - 2; i += 7) jpeg[i] = (jpeg[i] ?? 0) ^ 0xff;
        return jpeg;
      },
      'damaged',
      /damaged or incomplete/,
    ],
    [
      'a truncated PNG',
      async () => {
        const png = await testPng();
        return png.subarray(0, png.length - 40);
      },
      'damaged',
      /damaged or incomplete/,
    ],
  ])('refuses %s with a clear message and stores nothing', async (_name, make, reason, message) => {
    const refused = await refusal(store.put(await make(), { fileName: 'IMG_0042.jpg' }));
    expect(refused.reason).toBe(reason);
    expect(refused.message).toMatch(message);
    expect(refused.message).toContain('"IMG_0042.jpg"');
    expect(() => filesUnder(store.root)).toThrow(/ENOENT/);
  });

  it('refuses a file over the size cap, and a picture with too many pixels, before decoding it', async () => {
    const small = new PhotoStore(dir.path, { maxBytes: 50_000, maxPixels: 1_000_000 });
    const tooLarge = await refusal(small.put(Buffer.alloc(60_000, 1)));
    expect(tooLarge.reason).toBe('too-large');
    expect(tooLarge.message).toBe(
      'The file is 59 kB; photos can be up to 49 kB. Take the photo again at a lower resolution.',
    );
    const big = await testPng({ width: 1500, height: 1500 });
    // A 1500 × 1500 PNG of one colour is a few kB: a small file that decodes to 2.25 MP.
    expect(big.length).toBeLessThan(50_000);
    const bomb = await refusal(small.put(big));
    expect(bomb.reason).toBe('too-many-pixels');
    expect(bomb.message).toMatch(/1500 × 1500 pixels/);
  });

  it('stores the same picture once, and answers the same hash for it', async () => {
    const input = await phoneJpeg();
    const first = await store.put(input);
    const second = await store.put(input);
    expect(second).toEqual(first);
    expect(filesUnder(store.root)).toHaveLength(2);
    // Attaching a photo downloaded from the station again keeps its hash (no re-encoding).
    const again = await store.put(await store.get(first.sha256));
    expect(again).toEqual(first);
    expect(filesUnder(store.root)).toHaveLength(2);
  });

  it('keeps one intact file when the same picture is stored concurrently', async () => {
    const input = await testJpeg({ width: 3000, height: 2000 });
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(input)));
    const sha = results[0]?.sha256 ?? '';
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha]));
    // No temp file left behind, only the photo and its thumbnail.
    expect(filesUnder(store.root).map((f) => f.split('/').at(-1))).toEqual([
      `${sha}.jpg`,
      `${sha}.thumb.jpg`,
    ]);
    expect(await store.verify(sha)).toBe('ok');
    expect((await sharp(await store.get(sha)).metadata()).width).toBe(2048);
  });

  it('stores different pictures side by side', async () => {
    const a = await store.put(await testJpeg({ background: { r: 10, g: 200, b: 10 } }));
    const b = await store.put(await testJpeg({ background: { r: 250, g: 250, b: 10 } }));
    expect(a.sha256).not.toBe(b.sha256);
    expect(filesUnder(store.root)).toHaveLength(4);
  });

  it('verifies a stored photo by re-hashing it: ok, damaged, missing', async () => {
    const { sha256 } = await store.put(await testJpeg());
    const file = store.path(sha256);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 1;
    writeFileSync(file, bytes);
    expect(await store.verify(sha256)).toBe('damaged');
    rmSync(file);
    expect(await store.verify(sha256)).toBe('missing');
    expect(store.has(sha256)).toBe(false);
    await expect(store.get(sha256)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.thumbnail(sha256)).resolves.toBeInstanceOf(Buffer);
  });

  it('remakes a thumbnail that went missing', async () => {
    const { sha256, thumbSha256 } = await store.put(await testJpeg());
    rmSync(store.path(sha256, 'thumb'));
    const thumb = await store.thumbnail(sha256);
    expect(createHash('sha256').update(thumb).digest('hex')).toBe(thumbSha256);
    expect(statSync(store.path(sha256, 'thumb')).size).toBe(thumb.length);
  });

  it('refuses anything but a SHA-256 before touching the file system', async () => {
    for (const bad of [
      '../../../etc/passwd',
      '..',
      `${'a'.repeat(63)}/`,
      'A'.repeat(64),
      'g'.repeat(64),
      `${'a'.repeat(64)}.jpg`,
      '',
    ]) {
      expect(() => store.has(bad), bad).toThrow(/64 lowercase hex digits/);
      await expect(store.get(bad), bad).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(store.thumbnail(bad), bad).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(store.verify(bad), bad).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });

  it('keeps the JPEG of an upload that carries a comment only as pixels', async () => {
    const input = withJpegComment(await testJpeg(), 'GPS 31.218N 121.469E');
    const photo = await store.put(input);
    expect((await store.get(photo.sha256)).includes('31.218N')).toBe(false);
  });
});
