import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecallSummary } from '../../../src-shared/api/domain-complaints';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { useCall } from '../../components/useCall';

/** One recall's lots: mark each found, then pulled; export; a manager closes it. */
function RecallDetail({
  recallId,
  canManage,
  onChanged,
}: {
  recallId: string;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { value: recall, error: loadError, reload } = useCall('recalls.get', { recallId });
  const [error, setError] = useState<ApiError | null>(null);
  const after = (r: { ok: true } | { ok: false; error: ApiError }) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    void reload();
    onChanged();
  };
  const mark = async (lotId: string, state: 'found' | 'pulled') =>
    after(await api.call('recalls.markLot', { recallId, lotId, state }));
  if (!recall) return <ErrorBanner error={loadError} />;
  return (
    <div className="recall-detail" data-testid="recall-detail">
      <ErrorBanner error={error ?? loadError} />
      <table aria-label={t('complaints.recall.lotsTable')}>
        <thead>
          <tr>
            <th>{t('complaints.form.lot')}</th>
            <th>{t('complaints.list.product')}</th>
            <th>{t('complaints.recall.location')}</th>
            <th>{t('complaints.recall.quantity')}</th>
            <th>{t('complaints.list.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {recall.lotRows.map((l) => (
            <tr key={l.lotId} data-lot={l.lotId} data-state={l.state}>
              <td>{l.lot}</td>
              <td>{l.skuName ?? l.gtin}</td>
              <td>{l.locationNote ?? '—'}</td>
              <td>{l.quantity}</td>
              <td>{t(`complaints.recall.state.${l.state}`)}</td>
              <td>
                {recall.status === 'open' && l.state === 'open' && (
                  <button
                    type="button"
                    className="chip"
                    onClick={() => void mark(l.lotId, 'found')}
                  >
                    {t('complaints.recall.markFound')}
                  </button>
                )}
                {recall.status === 'open' && l.state !== 'pulled' && (
                  <button
                    type="button"
                    className="chip"
                    onClick={() => void mark(l.lotId, 'pulled')}
                  >
                    {t('complaints.recall.markPulled')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <DownloadButton
          label={t('complaints.recall.export')}
          className=""
          fetchFile={() => api.call('recalls.export', { recallId })}
        />
        {canManage && recall.status === 'open' && (
          <button
            type="button"
            onClick={() => void api.call('recalls.close', { recallId }).then(after)}
          >
            {t('complaints.recall.close')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Recalls with their progress (lots found and pulled out of all). */
export function RecallList({
  recalls,
  canManage,
  selected,
  onSelect,
  onChanged,
}: {
  recalls: readonly RecallSummary[];
  canManage: boolean;
  selected: string | null;
  onSelect: (recallId: string | null) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  if (recalls.length === 0) return <p className="empty">{t('complaints.recall.empty')}</p>;
  return (
    <>
      <div className="row">
        <ExportCsvButton entity="recalls" />
      </div>
      <ul className="recall-list">
        {recalls.map((r) => (
          <li key={r.recallId} data-recall={r.recallId} data-status={r.status}>
            <button
              type="button"
              className="recall-head"
              aria-expanded={selected === r.recallId}
              onClick={() => onSelect(selected === r.recallId ? null : r.recallId)}
            >
              <strong>{r.reason}</strong> · {r.openedOn} ·{' '}
              {t(`complaints.recall.status.${r.status}`)}
            </button>
            <progress
              max={Math.max(r.lots, 1)}
              value={r.pulled}
              aria-label={t('complaints.recall.progress', {
                pulled: r.pulled,
                found: r.found,
                lots: r.lots,
              })}
            />
            <span className="hint" data-testid="recall-progress">
              {t('complaints.recall.progress', { pulled: r.pulled, found: r.found, lots: r.lots })}
            </span>
            {selected === r.recallId && (
              <RecallDetail recallId={r.recallId} canManage={canManage} onChanged={onChanged} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
