import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageStatus } from '../../../src-shared/api/domain-backup';
import { api } from '../../api/client';

/**
 * On every screen while the station cannot write (full disk, I/O error): scans are refused,
 * and whoever is at the dock must see why before the next carton. It goes away by itself when
 * the station's probe finds room again.
 */
export function StorageBanner() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    void api.call('storage.status', {}).then((r) => {
      if (r.ok) setStatus(r.value);
    });
    return api.on('storage.status', setStatus);
  }, []);

  if (!status || status.state === 'ok') return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="storage-banner">
      {t(status.state === 'full' ? 'storage.full' : 'storage.unwritable')}
    </div>
  );
}
