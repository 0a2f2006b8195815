import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PenaltyView } from '../../../src-shared/api/domain-supplier-quality';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { formatCny, useIsManager } from './format';

type Target = PenaltyView['next'][number];

/** The supplier's penalties and, for a manager, the next step of each (always with a reason). */
export function PenaltiesPanel({ supplierId }: { supplierId: string }) {
  const { t, i18n } = useTranslation();
  const manager = useIsManager();
  const penalties = useCall('penalties.list', { supplierId });
  const [action, setAction] = useState<{ penalty: PenaltyView; to: Target } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  // The reason is the one thing to type once an action is chosen.
  useEffect(() => reasonRef.current?.focus(), [action]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action || action.to === 'proposed') return;
    const result = await api.call('penalties.setStatus', {
      penaltyId: action.penalty.penaltyId,
      status: action.to,
      reason,
    });
    if (result.ok) {
      setAction(null);
      setReason('');
      setError(null);
    } else setError(result.error);
  };

  return (
    <section className="card" aria-labelledby="penalties-title">
      <div className="row tight">
        <h2 id="penalties-title">{t('suppliers.penalties')}</h2>
        <ExportCsvButton entity="penalties" />
      </div>
      <ErrorBanner error={penalties.error} />
      {action && (
        <form
          className="form-grid dialog card"
          aria-label={t(`suppliers.penaltyActions.${action.to}`)}
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAction(null);
          }}
        >
          <p className="span">
            {t(`suppliers.penaltyActions.${action.to}`)}:{' '}
            {formatCny(action.penalty.amountCny, i18n.language)} — {action.penalty.basis}
          </p>
          <label htmlFor="penalty-reason">{t('suppliers.reason')}</label>
          <input
            id="penalty-reason"
            required
            minLength={3}
            maxLength={500}
            value={reason}
            ref={reasonRef}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="span row">
            <button type="submit" className="primary">
              {t(`suppliers.penaltyActions.${action.to}`)}
            </button>
            <button type="button" className="secondary" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </button>
          </div>
          <div className="span">
            <ErrorBanner error={error} />
          </div>
        </form>
      )}
      <Table<PenaltyView>
        label={t('suppliers.penalties')}
        rows={penalties.value ?? []}
        rowKey={(p) => p.penaltyId}
        empty={t('suppliers.noPenalties')}
        columns={[
          {
            key: 'on',
            header: t('suppliers.date'),
            className: 'nowrap',
            render: (p) => p.proposedOn,
          },
          {
            key: 'amount',
            header: t('suppliers.amount'),
            className: 'num',
            render: (p) => (
              <span data-testid="penalty-amount">{formatCny(p.amountCny, i18n.language)}</span>
            ),
          },
          {
            key: 'basis',
            header: t('suppliers.basis'),
            render: (p) => (
              <>
                {p.basis}
                {p.lotId && (
                  <div className="hint">{t('suppliers.evidenceLot', { lot: p.lotId })}</div>
                )}
              </>
            ),
          },
          {
            key: 'status',
            header: t('suppliers.status'),
            render: (p) => (
              <>
                <span className={`pill penalty-${p.status}`} data-testid="penalty-status">
                  {t(`suppliers.penaltyStatus.${p.status}`)}
                </span>
                {p.statusReason && <div className="hint">{p.statusReason}</div>}
              </>
            ),
          },
          ...(manager
            ? [
                {
                  key: 'actions',
                  header: t('suppliers.actions'),
                  render: (p: PenaltyView) => (
                    <div className="row tight">
                      {p.next.map((to) => (
                        <button
                          key={to}
                          type="button"
                          className={to === 'waived' ? 'secondary' : 'primary'}
                          onClick={() => {
                            setReason('');
                            setAction({ penalty: p, to });
                          }}
                        >
                          {t(`suppliers.penaltyActions.${to}`)}
                        </button>
                      ))}
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
