import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';

/** An admin enrolls the station: head office's address and the one-time code it gave out. */
export function EnrollForm(props: { enrolled: boolean; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.call('sync.enroll', { centralUrl: url, code });
    setBusy(false);
    if (r.ok) {
      setError(null);
      setCode('');
      setDone(t('sync.enrolled', { endpoint: r.value.endpoint, acked: r.value.ackedSeq }));
      props.onEnrolled();
    } else {
      setError(r.error);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="enroll-title">
      <h2 id="enroll-title">{props.enrolled ? t('sync.reenrollTitle') : t('sync.enrollTitle')}</h2>
      <p>{t('sync.enrollHint')}</p>
      <ErrorBanner error={error} />
      {done && (
        <p className="banner" role="status">
          {done}
        </p>
      )}
      <label>
        {t('sync.centralUrl')}
        <input
          type="url"
          required
          value={url}
          placeholder="https://qc.example.com"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <label>
        {t('sync.code')}
        <input
          required
          minLength={8}
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('sync.enroll')}
      </button>
    </form>
  );
}
