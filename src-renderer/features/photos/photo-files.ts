import { PHOTO_MAX_BYTES } from '../../../src-shared/api/domain-photos';
import type { ApiError } from '../../../src-shared/api/result';

/** Why the camera could not start, each worded in the photos.camera section of the catalogues. */
export type CameraProblem = 'denied' | 'missing' | 'busy' | 'unavailable' | 'failed';

/** Refusals the station words with a reason (see PhotoStore); each has a translated message. */
const REFUSALS = [
  'empty',
  'too-large',
  'not-an-image',
  'unsupported-format',
  'too-many-pixels',
  'damaged',
] as const;
export type PhotoRefusalReason = (typeof REFUSALS)[number];

/**
 * What getUserMedia's DOMException names mean for an inspector. Browsers disagree on names
 * (Chromium's older TrackStartError, Firefox's DevicesNotFoundError), so both spellings count.
 */
export function cameraProblem(err: unknown): CameraProblem {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

/** Base64 of bytes, in chunks: spreading megabytes into one call would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A refusal the UI can word itself, from a file's size before upload or the station's answer. */
export function refusalReason(error: ApiError): PhotoRefusalReason | null {
  const reason = error.params?.reason;
  return typeof reason === 'string' && (REFUSALS as readonly string[]).includes(reason)
    ? (reason as PhotoRefusalReason)
    : null;
}

/** Checked before an upload, so a 40 MB file is refused without sending it. */
export function tooLarge(size: number): boolean {
  return size > PHOTO_MAX_BYTES;
}

/**
 * Thumbnails fetched once per photo and kept (as data URLs) for the life of the page; the
 * oldest go first past `limit`. A failed load is forgotten so the next render retries it.
 */
export function createThumbCache(fetchThumb: (sha256: string) => Promise<string>, limit = 200) {
  const entries = new Map<string, Promise<string>>();
  return {
    get(sha256: string): Promise<string> {
      const hit = entries.get(sha256);
      if (hit) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
        entries.delete(sha256);
        entries.set(sha256, hit);
        return hit;
      }
      const loading = fetchThumb(sha256).catch((err: unknown) => {
        entries.delete(sha256);
        throw err;
      });
      entries.set(sha256, loading);
      while (entries.size > limit) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return loading;
    },
    size: () => entries.size,
  };
}
