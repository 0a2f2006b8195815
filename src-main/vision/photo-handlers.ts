import type { Handlers } from '../api/registry';
import type { PhotoStore } from './photo-store';

export function photoHandlers(photos: PhotoStore): Handlers<'photos.upload' | 'photos.get'> {
  return {
    'photos.upload': async (input) => {
      // A photo is not a business fact on its own: the inspection event that cites its hash
      // is. So storing one appends nothing to the log.
      const stored = await photos.put(
        Buffer.from(input.base64, 'base64'),
        input.fileName ? { fileName: input.fileName } : {},
      );
      return {
        sha256: stored.sha256,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
      };
    },
    'photos.get': async (input) => {
      const jpeg =
        input.size === 'thumb'
          ? await photos.thumbnail(input.sha256)
          : await photos.get(input.sha256);
      return { sha256: input.sha256, mimeType: 'image/jpeg', base64: jpeg.toString('base64') };
    },
  };
}
