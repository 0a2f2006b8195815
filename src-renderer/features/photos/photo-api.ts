import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { createThumbCache } from './photo-files';

/** Thrown when the station cannot give a photo; carries its error for the banner. */
export class PhotoLoadError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'PhotoLoadError';
  }
}

async function photoUrl(sha256: string, size: 'thumb' | 'full'): Promise<string> {
  const result = await api.call('photos.get', { sha256, size });
  if (!result.ok) throw new PhotoLoadError(result.error);
  return `data:${result.value.mimeType};base64,${result.value.base64}`;
}

/**
 * Thumbnails of the whole page share one cache: a photo's bytes never change (its name is their
 * hash), so a thumbnail fetched once stays right for as long as the page lives.
 */
export const thumbnails = createThumbCache((sha256) => photoUrl(sha256, 'thumb'));

/** The full photo, fetched on demand and not cached (up to a few MB each). */
export function fullPhoto(sha256: string): Promise<string> {
  return photoUrl(sha256, 'full');
}
