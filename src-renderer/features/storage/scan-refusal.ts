import i18next from 'i18next';
import type { ApiError } from '../../../src-shared/api/result';

/**
 * What the scan toast says when the station refused a scan: the full-disk refusals in the
 * screen's language (the station sends a reason the UI translates), anything else as sent.
 */
export function scanRefusalText(error: ApiError): string {
  const reason = error.params?.reason;
  if (reason === 'storage-full') return i18next.t('storage.scanRefusedFull');
  if (reason === 'storage-unwritable') return i18next.t('storage.scanRefusedUnwritable');
  return error.message;
}
