import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelCheckResult } from '../../../src-shared/api/domain-inspection';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useBilingual } from '../../components/useBilingual';

/**
 * Fills a "label matches barcode" check: reads the unit's label photo (the last one attached)
 * and shows the label's expiry and lot beside the barcode's. A mismatch fails the check with
 * both values in its note; the photo stays attached to the unit as the evidence.
 */
export function LabelCheckPanel({
  inspectionId,
  photos,
  unitCode,
  onResult,
}: {
  inspectionId: string;
  photos: readonly string[];
  unitCode: string;
  onResult: (passed: boolean, note: string) => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LabelCheckResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const photo = photos.at(-1);
  const read = async () => {
    if (!photo) return;
    setBusy(true);
    const r = await api.call('inspection.labelCheck', {
      inspectionId,
      photo,
      ...(unitCode.trim() ? { unitCode: unitCode.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setResult(r.value);
    onResult(r.value.matches, r.value.mismatches.map((m) => m.text.en).join(' '));
  };
  const none = t('common.none');
  return (
    <div className="label-check" data-testid="label-check">
      <button
        type="button"
        className="secondary"
        disabled={!photo || busy}
        onClick={() => void read()}
        title={photo ? undefined : t('inspection.labelCheck.needPhoto')}
      >
        {busy ? t('inspection.labelCheck.reading') : t('inspection.labelCheck.read')}
      </button>
      {result && (
        <table className="data compact" aria-label={t('inspection.labelCheck.title')}>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t('inspection.labelCheck.label')}</th>
              <th scope="col">{t('inspection.labelCheck.barcode')}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-testid="label-check-expiry">
              <th scope="row">{t('inspection.expiry')}</th>
              <td>{result.label.expiry ?? none}</td>
              <td>{result.barcode.expiry ?? none}</td>
            </tr>
            <tr data-testid="label-check-lot">
              <th scope="row">{t('inspection.lot')}</th>
              <td>{result.label.lot ?? none}</td>
              <td>{result.barcode.lot ?? none}</td>
            </tr>
          </tbody>
        </table>
      )}
      {result && (
        <p className={result.matches ? 'hint' : 'refuse'} role="status">
          {result.matches
            ? t('inspection.labelCheck.agrees', { what: result.agreed.join(', ') || none })
            : result.mismatches.map((m) => pick(m.text)).join(' ')}
        </p>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
