import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryDetail } from '../../../src-shared/api/domain-intake';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';

/** Unknown GTINs held apart; the inspector identifies each as one of the station's SKUs. */
export function QuarantineList({ detail }: { detail: DeliveryDetail }) {
  const { t } = useTranslation();
  const skus = useCall('skus.list', {});
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  if (detail.quarantine.length === 0) return null;
  const identify = async (gtin: string) => {
    const skuId = choice[gtin];
    if (!skuId) return;
    const result = await api.call('intake.identify', {
      deliveryId: detail.delivery.deliveryId,
      gtin,
      skuId,
    });
    setError(result.ok ? null : result.error);
  };
  return (
    <section aria-labelledby="quarantine-title" className="quarantine">
      <h2 id="quarantine-title">{t('intake.quarantineTitle')}</h2>
      <ErrorBanner error={error} />
      <ul>
        {detail.quarantine.map((q) => (
          <li key={q.gtin} className={q.identifiedSkuId ? 'identified' : 'unidentified'}>
            <code>{q.gtin}</code> · {t('intake.unitsShort')}: {q.units} ·{' '}
            {q.identifiedSkuName ? (
              t('intake.identifiedAs', { name: q.identifiedSkuName })
            ) : (
              <>
                <label htmlFor={`identify-${q.gtin}`} className="visually-hidden">
                  {t('intake.identifyAs')}
                </label>
                <select
                  id={`identify-${q.gtin}`}
                  value={choice[q.gtin] ?? ''}
                  onChange={(e) => setChoice({ ...choice, [q.gtin]: e.target.value })}
                >
                  <option value="">{t('intake.identifyAs')}</option>
                  {(skus.value ?? []).map((k) => (
                    <option key={k.skuId} value={k.skuId}>
                      {k.brand} · {k.name}
                    </option>
                  ))}
                </select>
                <button type="button" className="secondary" onClick={() => void identify(q.gtin)}>
                  {t('intake.identify')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
