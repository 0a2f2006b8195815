import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { downloadBase64 } from '../../components/download';
import { ErrorBanner } from '../../components/ErrorText';

type Format = 'pdf' | 'csv';

/** Today's pull list (lots whose removal date has come), saved as a PDF to print or a CSV. */
export function PullListButtons() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; lots: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async (format: Format) => {
    setBusy(format);
    const r = await api.call('shelfLife.pullList', { format });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
    setSaved({ fileName: r.value.fileName, lots: r.value.lots });
  };

  return (
    <section className="card pull-list" aria-labelledby="pull-list-title">
      <div className="row tight">
        <h2 id="pull-list-title">{t('shelfLife.pullList.title')}</h2>
        <button
          type="button"
          className="primary"
          disabled={busy !== null}
          onClick={() => void save('pdf')}
        >
          {t('shelfLife.pullList.pdf')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy !== null}
          onClick={() => void save('csv')}
        >
          {t('shelfLife.pullList.csv')}
        </button>
      </div>
      <p className="hint" role="status">
        {saved
          ? t('shelfLife.pullList.saved', { count: saved.lots, file: saved.fileName })
          : t('shelfLife.pullList.hint')}
      </p>
      <ErrorBanner error={error} />
    </section>
  );
}
