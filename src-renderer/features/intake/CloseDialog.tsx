import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseSummary } from '../../../src-shared/api/domain-intake';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useBilingual } from '../../components/useBilingual';
import { useCall } from '../../components/useCall';

/** Closing: the summary the inspector confirms; every discrepancy goes on record with it. */
export function CloseDialog({
  deliveryId,
  number,
  onClosed,
  onCancel,
}: {
  deliveryId: string;
  number: string;
  onClosed: (s: CloseSummary) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const preview = useCall('intake.closePreview', { deliveryId });
  const [error, setError] = useState<ApiError | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), [preview.value]);
  const confirm = async () => {
    const result = await api.call('intake.close', { deliveryId, confirmed: true });
    if (result.ok) onClosed(result.value);
    else setError(result.error);
  };
  const s = preview.value;
  return (
    <div
      className="card dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="close-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="close-title">{t('intake.closeTitle', { number })}</h2>
      <ErrorBanner error={error ?? preview.error} />
      {s && (
        <>
          <dl className="facts">
            <dt>{t('intake.expectedUnits')}</dt>
            <dd data-testid="close-expected">{s.expectedUnits}</dd>
            <dt>{t('intake.receivedUnits')}</dt>
            <dd data-testid="close-received">{s.receivedUnits}</dd>
            <dt>{t('intake.lotsAwaiting')}</dt>
            <dd>{s.lotsAwaitingInspection}</dd>
            <dt>{t('intake.quarantined')}</dt>
            <dd>{s.quarantinedUnits}</dd>
          </dl>
          <h3>{t('intake.discrepancies', { count: s.discrepancies.length })}</h3>
          {s.discrepancies.length === 0 ? (
            <p>{t('intake.noDiscrepancies')}</p>
          ) : (
            <ul className="discrepancies" data-testid="close-discrepancies">
              {s.discrepancies.map((d) => (
                <li key={`${d.kind}-${d.gtin}`} className={`discrepancy ${d.kind}`}>
                  {pick(d)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="row">
        <button
          ref={confirmRef}
          type="button"
          className="primary"
          disabled={!s}
          onClick={() => void confirm()}
        >
          {t('intake.closeConfirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
