import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { SignOffDialog, type SignOffInput } from '../inspection/SignOffDialog';

/**
 * A lot's dates and shelf-life verdict at receipt. When the lot is below the rule and still
 * undecided, the station proposes rejection right here: the inspector confirms it; only a QC
 * manager can accept it, conditionally, with a reason.
 */
export function LotShelfCard({ lotId, undecided }: { lotId: string; undecided: boolean }) {
  const { t, i18n } = useTranslation();
  const shelf = useCall('shelfLife.ofLot', { lotId });
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const v = shelf.value;
  if (!v) return <ErrorBanner error={shelf.error} />;
  const reason = v.reason ? (i18n.language === 'zh-CN' ? v.reason.zh : v.reason.en) : null;
  const decide = async (decision: 'accept' | 'reject', signOff?: SignOffInput) => {
    const r = await api.call('inspection.decide', {
      lotId,
      decision,
      ...(signOff
        ? {
            conditional: true,
            reason: signOff.reason,
            signOff: { badge: signOff.badge, pin: signOff.pin },
          }
        : { reason: reason ?? '' }),
    });
    setError(r.ok ? null : r.error);
    if (r.ok) setSigning(false);
  };
  return (
    <section className="card" aria-labelledby="lot-shelf-title" data-testid="lot-shelf">
      <h3 id="lot-shelf-title">
        {t('shelfDates.cardTitle')}{' '}
        {v.acceptable !== null && (
          <span className={`pill ${v.acceptable ? 'lot-accepted' : 'lot-rejected'}`}>
            {t(v.acceptable ? 'shelfDates.state.ok' : 'shelfDates.state.short')}
          </span>
        )}
      </h3>
      {v.state === 'evaluated' ? (
        <>
          <p data-testid="lot-shelf-dates">
            {t('shelfDates.datesLine', {
              expiry: v.expiry,
              total: v.totalDays,
              removal: v.removalDate,
              alert: v.alertDate,
            })}
            {v.expiryBasis === 'production-plus-shelf-life' && (
              <> · {t('shelfDates.computed', { production: v.production })}</>
            )}
          </p>
          <p data-testid="lot-shelf-reason">{reason}</p>
        </>
      ) : (
        <p className="hint">
          {t(`shelfDates.state.${v.state === 'dates-missing' ? 'dates-missing' : 'none'}`)}
        </p>
      )}
      {v.acceptable === false && undecided && (
        <>
          <p>
            <b>{t('shelfDates.proposesReject')}</b>
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void decide('reject')}>
              {t('shelfDates.reject')}
            </button>
            <button type="button" className="secondary" onClick={() => setSigning(true)}>
              {t('shelfDates.acceptConditionally')}
            </button>
          </div>
          {signing && (
            <SignOffDialog
              why={t('shelfDates.signOffWhy')}
              onCancel={() => setSigning(false)}
              onSubmit={(s) => void decide('accept', s)}
            />
          )}
        </>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}
