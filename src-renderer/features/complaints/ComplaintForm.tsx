import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_SOURCES,
  type ComplaintSource,
  type ComplaintView,
} from '../../../src-shared/api/domain-complaints';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { PhotoCapture } from '../photos';
import { useScanConsumer } from '../scanning/scan-consumers';

/**
 * Records a complaint. The lot comes from scanning the returned item (the form takes the wedge
 * scan while it is open) or from its GTIN and lot number typed by hand.
 */
export function ComplaintForm({ onRecorded }: { onRecorded: (c: ComplaintView) => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<ComplaintSource>('customer-service');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [scan, setScan] = useState('');
  const [gtin, setGtin] = useState('');
  const [lot, setLot] = useState('');
  const [counterfeit, setCounterfeit] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useScanConsumer(true, (data) => {
    setScan(data);
    setGtin('');
    setLot('');
  });

  const submit = async () => {
    setBusy(true);
    const lotGiven = scan ? { scan } : { gtin: gtin.trim().padStart(14, '0'), lot: lot.trim() };
    const r = await api.call('complaints.record', {
      source,
      description,
      photos,
      counterfeitSuspected: counterfeit,
      ...lotGiven,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDescription('');
    setPhotos([]);
    setScan('');
    setGtin('');
    setLot('');
    setCounterfeit(false);
    onRecorded(r.value);
  };

  return (
    <form
      className="complaint-form"
      data-testid="complaint-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('complaints.form.title')}</h2>
      <ErrorBanner error={error} />
      <label>
        {t('complaints.form.source')}
        <select
          id="complaint-source"
          value={source}
          onChange={(e) => setSource(e.target.value as ComplaintSource)}
        >
          {COMPLAINT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`complaints.source.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.form.description')}
        <textarea
          id="complaint-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
        />
      </label>
      <p className="hint" data-testid="complaint-scan">
        {scan ? t('complaints.form.scanned', { data: scan }) : t('complaints.form.scanHint')}
      </p>
      {!scan && (
        <div className="row">
          <label>
            {t('complaints.form.gtin')}
            <input
              id="complaint-gtin"
              inputMode="numeric"
              value={gtin}
              onChange={(e) => setGtin(e.target.value)}
            />
          </label>
          <label>
            {t('complaints.form.lot')}
            <input id="complaint-lot" value={lot} onChange={(e) => setLot(e.target.value)} />
          </label>
        </div>
      )}
      {scan && (
        <button type="button" className="chip" onClick={() => setScan('')}>
          {t('complaints.form.clearScan')}
        </button>
      )}
      <label className="check">
        <input
          id="complaint-counterfeit"
          type="checkbox"
          checked={counterfeit}
          onChange={(e) => setCounterfeit(e.target.checked)}
        />
        {t('complaints.form.counterfeit')}
      </label>
      <PhotoCapture photos={photos} onChange={setPhotos} />
      <button type="submit" className="primary" disabled={busy}>
        {t('complaints.form.record')}
      </button>
    </form>
  );
}
