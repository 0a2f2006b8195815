import { z } from 'zod';
import { sha256Hex } from '../events/schemas-inspection';
import { defineCall } from './define';

/** Largest photo the station takes (the store checks the decoded size again). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Base64 spends 4 characters on every 3 bytes: 10 MiB is 13,981,016 characters. */
export const PHOTO_MAX_BASE64 = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;

export const photoSize = z.enum(['thumb', 'full']);
export type PhotoSizeName = z.infer<typeof photoSize>;

export const storedPhoto = z.object({
  sha256: sha256Hex,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Size of the stored (normalised) JPEG. */
  bytes: z.number().int().positive(),
});
export type StoredPhotoView = z.infer<typeof storedPhoto>;

export const photosCalls = {
  'photos.upload': defineCall({
    summary:
      'Stores a photo (made upright, stripped of EXIF/GPS and other metadata, at most 2048 px) and answers its SHA-256.',
    access: 'signed-in',
    input: z
      .object({
        base64: z
          .string()
          .min(1, 'the photo is empty')
          .max(PHOTO_MAX_BASE64, 'the photo is larger than 10 MB')
          .pipe(z.base64('the photo is not base64 data')),
        /** Only to name the file in a refusal ("IMG_0042.HEIC is an HEIC photo…"). */
        fileName: z.string().trim().max(255).optional(),
      })
      .strict(),
    output: storedPhoto,
  }),
  'photos.get': defineCall({
    summary: 'A stored photo or its thumbnail (at most 320 px), as JPEG.',
    access: 'signed-in',
    input: z.object({ sha256: sha256Hex, size: photoSize }).strict(),
    output: z.object({
      sha256: sha256Hex,
      mimeType: z.literal('image/jpeg'),
      base64: z.string(),
    }),
  }),
};
