import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';

/**
 * When a label will not scan: type (or paste) what it says — a GS1 element string in brackets,
 * a GTIN, an SSCC, a delivery number — and it goes through the same pipeline as a scan.
 */
export function ManualEntry() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    const result = await api.call('scan.submit', { data: code.trim(), source: 'manual' });
    if (result.ok) {
      setCode('');
      setError(null);
    } else {
      setError(result.error);
    }
  };
  return (
    <form className="row manual-entry" onSubmit={(e) => void submit(e)}>
      <label htmlFor="manual-code">{t('intake.manualLabel')}</label>
      <input
        id="manual-code"
        value={code}
        autoComplete="off"
        placeholder={t('intake.manualPlaceholder')}
        onChange={(e) => setCode(e.target.value)}
      />
      <button type="submit" className="secondary">
        {t('intake.manualSubmit')}
      </button>
      <ErrorBanner error={error} />
    </form>
  );
}
