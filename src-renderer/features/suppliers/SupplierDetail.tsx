import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';

export function SupplierDetail({
  supplierId,
  onClose,
}: {
  supplierId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const detail = useCall('suppliers.get', { supplierId });
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const s = detail.value;
  return (
    <div
      className="card detail"
      role="dialog"
      aria-label={s?.name ?? supplierId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <ErrorBanner error={detail.error} />
      {s && (
        <>
          <h2>
            {s.code} · {s.name}
          </h2>
          <p>
            {t('suppliers.contact')}: {s.contact} · {t('suppliers.sales')}:{' '}
            {s.cumulativeSalesCny.toLocaleString()}
          </p>
          <h3>{t('suppliers.documents')}</h3>
          <ul>
            {s.documents.map((d) => (
              <li key={`${d.type}-${d.number}`}>
                {d.type} {d.number} — {t('suppliers.validUntil')} {d.validUntil}
              </li>
            ))}
          </ul>
          <h3>{t('suppliers.audits')}</h3>
          <ul>
            {s.audits.map((a) => (
              <li key={`${a.date}-${a.auditor}`}>
                {a.date} · {a.auditor} · {t('suppliers.score')} {a.score} · {a.result} —{' '}
                {t('suppliers.validUntil')} {a.validUntil}
              </li>
            ))}
          </ul>
        </>
      )}
      <button ref={closeRef} type="button" className="secondary" onClick={onClose}>
        {t('suppliers.close')}
      </button>
    </div>
  );
}
