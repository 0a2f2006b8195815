import { useTranslation } from 'react-i18next';
import type { CsvEntity } from '../../src-shared/api/domain-export';
import { api } from '../api/client';
import { useStation } from '../store/station-store';
import { DownloadButton } from './DownloadButton';

/**
 * "Export CSV" for a list screen: the whole list as the station's `export.csv` writes it.
 * Shown to those the call allows (QC managers and admins; the user list to admins only), so an
 * inspector never meets a button that can only refuse.
 */
export function ExportCsvButton({ entity }: { entity: CsvEntity }) {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const allowed = entity === 'users' ? role === 'admin' : role === 'admin' || role === 'qc-manager';
  if (!allowed) return null;
  return (
    <DownloadButton
      label={t('exports.csv')}
      testId={`export-csv-${entity}`}
      fetchFile={() => api.call('export.csv', { entity })}
    />
  );
}
