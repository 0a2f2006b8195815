import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../src-shared/api/domain-complaints';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';

/** Complaints, newest first; a QC manager confirms (counterfeit or not) or dismisses. */
export function ComplaintList({
  complaints,
  canDecide,
  onChanged,
}: {
  complaints: readonly ComplaintView[];
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);

  const decide = async (c: ComplaintView, decision: 'confirm' | 'dismiss', counterfeit = false) => {
    const r = await api.call('complaints.decide', {
      complaintId: c.complaintId,
      decision,
      reason: reason[c.complaintId] ?? '',
      counterfeit,
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    onChanged();
  };
  const link = async (c: ComplaintView) => {
    const r = await api.call('complaints.link', { complaintId: c.complaintId });
    if (!r.ok) return setError(r.error);
    onChanged();
  };

  if (complaints.length === 0) return <p className="empty">{t('complaints.list.empty')}</p>;
  return (
    <>
      <ErrorBanner error={error} />
      <div className="row">
        <ExportCsvButton entity="complaints" />
      </div>
      <table className="complaint-list" aria-label={t('complaints.list.title')}>
        <thead>
          <tr>
            <th>{t('complaints.list.received')}</th>
            <th>{t('complaints.form.source')}</th>
            <th>{t('complaints.list.product')}</th>
            <th>{t('complaints.list.supplier')}</th>
            <th>{t('complaints.form.description')}</th>
            <th>{t('complaints.list.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {complaints.map((c) => (
            <tr key={c.complaintId} data-complaint={c.complaintId} data-status={c.status}>
              <td>{c.receivedOn}</td>
              <td>{t(`complaints.source.${c.source}`)}</td>
              <td>
                {c.skuName ?? c.gtin ?? '—'}
                {c.lot ? ` · ${t('complaints.form.lot')} ${c.lot}` : ''}
                {!c.lotId && <span className="tag">{t('complaints.list.unknownLot')}</span>}
              </td>
              <td>{c.supplierName ?? '—'}</td>
              <td>
                {c.description}
                {c.counterfeitSuspected && (
                  <span className="tag tag-danger">{t('complaints.list.suspected')}</span>
                )}
              </td>
              <td>
                {t(`complaints.status.${c.status}`)}
                {c.counterfeit && (
                  <span className="tag tag-danger">{t('complaints.list.counterfeit')}</span>
                )}
                {c.decisionReason && <div className="hint">{c.decisionReason}</div>}
              </td>
              <td className="complaint-actions">
                {c.lotId && !c.inspectionId && (
                  <button type="button" className="chip" onClick={() => void link(c)}>
                    {t('complaints.list.link')}
                  </button>
                )}
                {c.inspectionId && <span className="hint">{c.inspectionId}</span>}
                {canDecide && c.status === 'open' && (
                  <>
                    <input
                      aria-label={t('complaints.list.reason')}
                      placeholder={t('complaints.list.reason')}
                      value={reason[c.complaintId] ?? ''}
                      onChange={(e) => setReason({ ...reason, [c.complaintId]: e.target.value })}
                    />
                    <button type="button" onClick={() => void decide(c, 'confirm')}>
                      {t('complaints.list.confirm')}
                    </button>
                    <button type="button" onClick={() => void decide(c, 'confirm', true)}>
                      {t('complaints.list.confirmCounterfeit')}
                    </button>
                    <button type="button" onClick={() => void decide(c, 'dismiss')}>
                      {t('complaints.list.dismiss')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
