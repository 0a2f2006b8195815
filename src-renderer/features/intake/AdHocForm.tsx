import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenResult } from '../../../src-shared/api/domain-intake';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';

/** A delivery nobody announced: the inspector picks the supplier; it is flagged for review. */
export function AdHocForm({
  onDone,
  onCancel,
}: {
  onDone: (r: OpenResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const suppliers = useCall('suppliers.list', {});
  const [supplierId, setSupplierId] = useState('');
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.call('intake.createAdHoc', {
      supplierId,
      reason,
      ...(number.trim() ? { number } : {}),
    });
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };
  return (
    <form className="card form-grid" aria-labelledby="adhoc-title" onSubmit={(e) => void submit(e)}>
      <h2 id="adhoc-title" className="span">
        {t('intake.adHocTitle')}
      </h2>
      <p className="hint span">{t('intake.adHocHint')}</p>
      <label htmlFor="adhoc-supplier">{t('intake.supplier')}</label>
      <select
        id="adhoc-supplier"
        required
        value={supplierId}
        onChange={(e) => setSupplierId(e.target.value)}
      >
        <option value="">—</option>
        {(suppliers.value ?? []).map((s) => (
          <option key={s.supplierId} value={s.supplierId}>
            {s.code} · {s.name} ({t(`standing.${s.standing}`)})
          </option>
        ))}
      </select>
      <label htmlFor="adhoc-number">{t('intake.adHocNumber')}</label>
      <input
        id="adhoc-number"
        value={number}
        maxLength={40}
        onChange={(e) => setNumber(e.target.value)}
      />
      <label htmlFor="adhoc-reason">{t('intake.adHocReason')}</label>
      <input
        id="adhoc-reason"
        required
        minLength={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="span row">
        <button type="submit" className="primary">
          {t('intake.adHocCreate')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <div className="span">
        <ErrorBanner error={error ?? suppliers.error} />
      </div>
    </form>
  );
}
