import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';

/** Demo mode only: "scans" example barcodes through the station's real scan pipeline. */
export function ScannerSimulator() {
  const { t } = useTranslation();
  const examples = useCall('scan.examples', {});
  const [error, setError] = useState<ApiError | null>(null);
  const scan = async (data: string) => {
    const result = await api.call('scan.submit', { data, source: 'simulator' });
    setError(result.ok ? null : result.error);
  };
  return (
    <aside className="card simulator" aria-labelledby="simulator-title">
      <h2 id="simulator-title">{t('intake.simulator')}</h2>
      <p className="hint">{t('intake.simulatorHint')}</p>
      <ErrorBanner error={error ?? examples.error} />
      <div className="simulator-buttons">
        {(examples.value ?? []).map((ex) => (
          <button
            key={ex.label}
            type="button"
            className="secondary"
            onClick={() => void scan(ex.data)}
          >
            {ex.label}
          </button>
        ))}
      </div>
    </aside>
  );
}
