import type { StoredPhotoView } from '../../../src-shared/api/domain-photos';
import { fail, type Result } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { bytesToBase64, tooLarge } from '../photos/photo-files';

/** A still from the camera stored as a photo (made upright, metadata stripped, hashed). */
export async function uploadStill(blob: Blob): Promise<Result<StoredPhotoView>> {
  if (tooLarge(blob.size))
    return fail('invalid_input', 'The photo is larger than 10 MB.', { reason: 'too-large' });
  const base64 = bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
  return api.call('photos.upload', { base64 });
}
