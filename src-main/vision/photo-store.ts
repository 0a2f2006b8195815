/**
 * The station's photo evidence: every picture an inspector takes or attaches, kept once, by the
 * SHA-256 of the file actually stored. Events (`inspection.unit-recorded`, `counterfeit.confirmed`)
 * refer to photos by that hash, so the log vouches for the pictures: a photo whose bytes change
 * no longer matches the hash the signed log holds.
 *
 * What is stored is never the upload itself but a normalised JPEG: turned upright from its EXIF
 * orientation, with every piece of metadata dropped (EXIF with GPS position and camera serial,
 * XMP, IPTC, ICC profile, comments), scaled to fit `maxEdge`, and re-encoded. Evidence photos
 * leave the station in PDF packs and through sync; the inspector's location or phone serial has
 * no business travelling with them.
 *
 * Layout: `DATA/photos/ab/cd/<sha>.jpg` and `<sha>.thumb.jpg` (ab, cd = the hash's first two
 * byte pairs), so no folder ever holds more than a few hundred files.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Sharp, SharpOptions } from 'sharp';
import { AppError } from '../api/app-error';

export const MiB = 1024 * 1024;

export interface PhotoStoreOptions {
  /** Largest upload accepted, in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Longest edge of the stored photo, in pixels (default 2048). */
  maxEdge?: number;
  /** Longest edge of the thumbnail, in pixels (default 320). */
  thumbEdge?: number;
  /**
   * Largest decoded picture, in pixels (default 120 MP: above today's 108 MP phone sensors).
   * A small file can claim an enormous canvas (a "decompression bomb"); this stops it before
   * any pixel is decoded.
   */
  maxPixels?: number;
}

export interface StoredPhoto {
  sha256: string;
  width: number;
  height: number;
  /** Size of the stored JPEG. */
  bytes: number;
  thumbSha256?: string;
}

/** Why an upload was refused; the UI words each one in the inspector's language. */
export type PhotoRefusal =
  'empty' | 'too-large' | 'not-an-image' | 'unsupported-format' | 'too-many-pixels' | 'damaged';

export type PhotoCheck = 'ok' | 'missing' | 'damaged';

export type PhotoSize = 'thumb' | 'full';

/** Raster formats a camera or phone produces. SVG, PDF and the like are documents, not photos. */
const PHOTO_FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'heif', 'tiff', 'gif']);
const SHA256 = /^[0-9a-f]{64}$/;
const JPEG_QUALITY = 85;
const THUMB_QUALITY = 80;

type SharpFactory = (input: Buffer, options: SharpOptions) => Sharp;
let sharpModule: Promise<SharpFactory> | null = null;

/** sharp (libvips) loads on the first photo, not at every station start. */
function loadSharp(): Promise<SharpFactory> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** "12.3 MB", "10 MB", "49 kB" (binary units, as phones and file managers show sizes). */
function size(bytes: number): string {
  if (bytes < MiB) return `${Math.round(bytes / 1024)} kB`;
  return `${Number((bytes / MiB).toFixed(1))} MB`;
}

function refuse(reason: PhotoRefusal, message: string): AppError {
  return new AppError('invalid_input', message, { reason });
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}

export class PhotoStore {
  readonly root: string;
  private readonly maxBytes: number;
  private readonly maxEdge: number;
  private readonly thumbEdge: number;
  private readonly maxPixels: number;

  constructor(dataDir: string, options: PhotoStoreOptions = {}) {
    this.root = join(dataDir, 'photos');
    this.maxBytes = options.maxBytes ?? 10 * MiB;
    this.maxEdge = options.maxEdge ?? 2048;
    this.thumbEdge = options.thumbEdge ?? 320;
    this.maxPixels = options.maxPixels ?? 120_000_000;
  }

  /** Where a photo lives. Refuses anything but a lowercase SHA-256, so no path can escape the store. */
  path(sha256: string, size: PhotoSize = 'full'): string {
    if (!SHA256.test(sha256)) {
      throw new AppError(
        'invalid_input',
        'A photo is named by its SHA-256: 64 lowercase hex digits.',
      );
    }
    const name = size === 'full' ? `${sha256}.jpg` : `${sha256}.thumb.jpg`;
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), name);
  }

  /**
   * Normalises and stores a picture; answers its hash and size. The same picture stored twice
   * (or concurrently) is one file: the hash names the file, and a file only ever appears whole.
   */
  async put(input: Buffer, options: { fileName?: string } = {}): Promise<StoredPhoto> {
    const what = options.fileName ? `"${options.fileName}"` : 'The file';
    if (input.length === 0) {
      throw refuse('empty', `${what} is empty: there is no picture in it.`);
    }
    if (input.length > this.maxBytes) {
      throw refuse(
        'too-large',
        `${what} is ${size(input.length)}; photos can be up to ${size(this.maxBytes)}. Take the photo again at a lower resolution.`,
      );
    }
    // An upload that is already one of our stored photos (a photo downloaded from the station
    // and attached again) keeps its hash instead of being re-encoded into a new one.
    const inputSha = sha256Hex(input);
    if (existsSync(this.path(inputSha))) return this.describe(inputSha);

    const sharp = await loadSharp();
    const decode: SharpOptions = {
      autoOrient: true,
      // The strictest level: libjpeg reports corrupt entropy data ("bad Huffman code") only as
      // a warning and would decode it into grey blocks. A damaged picture is no evidence; the
      // inspector takes it again.
      failOn: 'warning',
      limitInputPixels: this.maxPixels,
    };
    let format: string | undefined;
    let width = 0;
    let height = 0;
    let compression: string | undefined;
    try {
      // The header only: no pixel is decoded yet, so the size check below can name the size.
      const meta = await sharp(input, { ...decode, limitInputPixels: false }).metadata();
      format = meta.format;
      width = meta.width;
      height = meta.height;
      compression = meta.compression;
    } catch (err) {
      throw this.unreadable(err, what);
    }
    if (format === 'heif' && compression === 'hevc') {
      throw refuse(
        'unsupported-format',
        `${what} is an HEIC photo, which the station cannot read. Set the camera to save JPEG ("Most Compatible") or use "Take photo".`,
      );
    }
    if (!format || !PHOTO_FORMATS.has(format)) {
      throw refuse(
        'unsupported-format',
        `${what} is ${format ? `a ${format.toUpperCase()} file` : 'not a photo'}; the station takes photos as JPEG, PNG, WebP, AVIF, TIFF or GIF.`,
      );
    }
    if (width * height > this.maxPixels) {
      throw refuse(
        'too-many-pixels',
        `${what} is ${width} × ${height} pixels, more than the station accepts (${Math.round(this.maxPixels / 1e6)} megapixels).`,
      );
    }

    let full: Buffer;
    let info: { width: number; height: number };
    try {
      // Metadata is dropped because nothing asks sharp to keep it (no keepExif/keepIccProfile/
      // keepMetadata); the pixels are converted to sRGB so no profile is needed to show them.
      const result = await sharp(input, decode)
        .resize({
          width: this.maxEdge,
          height: this.maxEdge,
          fit: 'inside',
          withoutEnlargement: true,
        })
        // JPEG has no transparency: a PNG's transparent parts print white, not black.
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      full = result.data;
      info = result.info;
    } catch (err) {
      throw this.unreadable(err, what);
    }
    const sha256 = sha256Hex(full);
    const thumb = await this.makeThumbnail(full);
    // The thumbnail first: a photo file on disk means its thumbnail is there too (unless
    // removed by hand, which thumbnail() repairs).
    await this.writeOnce(this.path(sha256, 'thumb'), thumb);
    await this.writeOnce(this.path(sha256), full);
    return {
      sha256,
      width: info.width,
      height: info.height,
      bytes: full.length,
      thumbSha256: sha256Hex(thumb),
    };
  }

  has(sha256: string): boolean {
    return existsSync(this.path(sha256));
  }

  /** The stored JPEG. */
  async get(sha256: string): Promise<Buffer> {
    const file = this.path(sha256);
    try {
      return await readFile(file);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) throw this.notFound(sha256);
      throw err;
    }
  }

  /** The thumbnail JPEG (at most `thumbEdge` pixels), remade from the photo if it went missing. */
  async thumbnail(sha256: string): Promise<Buffer> {
    const file = this.path(sha256, 'thumb');
    try {
      return await readFile(file);
    } catch (err) {
      if (!isErrno(err, 'ENOENT')) throw err;
    }
    const thumb = await this.makeThumbnail(await this.get(sha256));
    await this.writeOnce(file, thumb);
    return thumb;
  }

  /** Re-hashes the stored file: 'damaged' when its bytes no longer match its name. */
  async verify(sha256: string): Promise<PhotoCheck> {
    try {
      return sha256Hex(await readFile(this.path(sha256))) === sha256 ? 'ok' : 'damaged';
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return 'missing';
      throw err;
    }
  }

  private async describe(sha256: string): Promise<StoredPhoto> {
    const sharp = await loadSharp();
    const full = await this.get(sha256);
    const meta = await sharp(full, {}).metadata();
    const thumb = await this.thumbnail(sha256);
    return {
      sha256,
      width: meta.width,
      height: meta.height,
      bytes: full.length,
      thumbSha256: sha256Hex(thumb),
    };
  }

  private async makeThumbnail(full: Buffer): Promise<Buffer> {
    const sharp = await loadSharp();
    return sharp(full, {})
      .resize({ width: this.thumbEdge, height: this.thumbEdge, fit: 'inside' })
      .jpeg({ quality: THUMB_QUALITY, mozjpeg: true })
      .toBuffer();
  }

  /**
   * Writes a content-addressed file so that it only ever appears whole: into a temp file in the
   * same folder (same file system, so the rename is atomic), flushed to disk, then renamed. An
   * existing file has the same content by construction and is left alone; two writers racing
   * each rename a complete copy of the same bytes.
   */
  private async writeOnce(file: string, data: Buffer): Promise<void> {
    if (existsSync(file)) return;
    const folder = dirname(file);
    const temp = join(folder, `.${randomBytes(8).toString('hex')}.tmp`);
    try {
      await mkdir(folder, { recursive: true });
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(data);
        // The answer to an upload is what an inspection event will refer to; the photo must be
        // on disk before that event can be, or a power cut could leave the log pointing at
        // nothing.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      if (isErrno(err, 'ENOSPC')) {
        throw new AppError(
          'unavailable',
          'The disk is full: the photo was not saved. Free some space and take it again.',
        );
      }
      throw err;
    }
    await syncFolder(folder);
  }

  private unreadable(err: unknown, what: string): AppError {
    const detail = err instanceof Error ? err.message : String(err);
    if (/unsupported image format/i.test(detail)) {
      return refuse(
        'not-an-image',
        `${what} is not a picture the station can read. Attach a photo (JPEG, PNG, WebP, AVIF, TIFF or GIF).`,
      );
    }
    if (/pixel limit/i.test(detail)) {
      return refuse(
        'too-many-pixels',
        `${what} has more pixels than the station accepts (${Math.round(this.maxPixels / 1e6)} megapixels).`,
      );
    }
    return refuse(
      'damaged',
      `${what} is damaged or incomplete: the picture cannot be read. Take the photo again.`,
    );
  }

  private notFound(sha256: string): AppError {
    return new AppError('not_found', `Photo ${sha256.slice(0, 12)}… is not on this station.`);
  }
}

/**
 * Makes a rename durable: on POSIX the new directory entry is only safe once the folder itself
 * is flushed. Windows cannot open a folder for this (and NTFS journals the rename), so it is
 * skipped there.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
