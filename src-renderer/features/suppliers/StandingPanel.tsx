import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandingChangeView } from '../../../src-shared/api/domain-supplier-quality';
import type { SupplierStanding } from '../../../src-shared/events/schemas';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { useIsManager } from './format';

/** What a QC manager may decide here; blacklisting and lifting it are head office's. */
const MANAGER_STANDINGS = ['approved', 'probation', 'suspended'] as const;

/** Standing history, and a manager's standing decision with its reason. */
export function StandingPanel({
  supplierId,
  standing,
}: {
  supplierId: string;
  standing: SupplierStanding;
}) {
  const { t } = useTranslation();
  const manager = useIsManager();
  const history = useCall('suppliers.standingHistory', { supplierId });
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<SupplierStanding>('approved');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.call('suppliers.setStanding', { supplierId, to, reason });
    if (result.ok) {
      setOpen(false);
      setReason('');
      setError(null);
    } else setError(result.error);
  };

  return (
    <section className="card" aria-labelledby="standing-title">
      <h2 id="standing-title">{t('suppliers.standingHistory')}</h2>
      {manager && standing === 'blacklisted' && (
        <p className="hint">{t('suppliers.blacklistHint')}</p>
      )}
      {manager && standing !== 'blacklisted' && !open && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setTo(MANAGER_STANDINGS.find((s) => s !== standing) ?? 'approved');
            setOpen(true);
          }}
        >
          {t('suppliers.changeStanding')}
        </button>
      )}
      {open && (
        <form
          className="form-grid dialog card"
          aria-label={t('suppliers.changeStanding')}
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <label htmlFor="standing-to">{t('suppliers.newStanding')}</label>
          <select
            id="standing-to"
            value={to}
            onChange={(e) =>
              setTo(MANAGER_STANDINGS.find((s) => s === e.target.value) ?? 'approved')
            }
          >
            {MANAGER_STANDINGS.filter((s) => s !== standing).map((s) => (
              <option key={s} value={s}>
                {t(`standing.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor="standing-reason">{t('suppliers.reason')}</label>
          <input
            id="standing-reason"
            required
            minLength={5}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="hint span">{t('suppliers.blacklistHint')}</p>
          <div className="span row">
            <button type="submit" className="primary">
              {t('suppliers.confirmStanding')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
          <div className="span">
            <ErrorBanner error={error} />
          </div>
        </form>
      )}
      <ErrorBanner error={history.error} />
      <Table<StandingChangeView>
        label={t('suppliers.standingHistory')}
        rows={history.value ?? []}
        rowKey={(h) => String(h.seq)}
        empty={t('suppliers.noStandingChanges')}
        columns={[
          { key: 'on', header: t('suppliers.date'), className: 'nowrap', render: (h) => h.on },
          {
            key: 'change',
            header: t('suppliers.change'),
            render: (h) => (
              <>
                <span className={`pill standing-${h.from}`}>{t(`standing.${h.from}`)}</span> →{' '}
                <span className={`pill standing-${h.to}`}>{t(`standing.${h.to}`)}</span>
              </>
            ),
          },
          {
            key: 'source',
            header: t('suppliers.source'),
            render: (h) => t(`suppliers.sources.${h.source}`),
          },
          { key: 'reason', header: t('suppliers.reason'), render: (h) => h.reason },
        ]}
      />
    </section>
  );
}
