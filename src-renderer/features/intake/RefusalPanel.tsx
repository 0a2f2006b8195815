import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryDetail } from '../../../src-shared/api/domain-intake';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { downloadBase64 } from '../../components/download';
import { ErrorBanner } from '../../components/ErrorText';
import { useBilingual } from '../../components/useBilingual';

/** A refused delivery: why, and the slip the driver takes back. */
export function RefusalPanel({
  detail,
  onDismiss,
}: {
  detail: DeliveryDetail;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const [error, setError] = useState<ApiError | null>(null);
  const printSlip = async () => {
    const result = await api.call('intake.refusalSlip', { deliveryId: detail.delivery.deliveryId });
    if (!result.ok) return setError(result.error);
    downloadBase64(result.value.fileName, result.value.mimeType, result.value.base64);
  };
  return (
    <section className="card refusal" role="alert" data-testid="refusal-panel">
      <h2>
        {t('intake.refusedTitle', {
          number: detail.delivery.number,
          supplier: detail.delivery.supplierName,
        })}
      </h2>
      <ul>
        {(detail.refusal ?? []).map((r) => (
          <li key={r.code + r.en}>{pick(r)}</li>
        ))}
      </ul>
      <ErrorBanner error={error} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void printSlip()}>
          {t('intake.refusalSlip')}
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          {t('common.ok')}
        </button>
      </div>
    </section>
  );
}
