import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../src-shared/api/domain-inspection';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { PlanTable } from './PlanTable';

/** Before the inspection: the plan the station proposes, why, and the cartons to open. */
export function ProposalPanel({
  proposal,
  onStarted,
}: {
  proposal: ProposalView;
  onStarted: (inspectionId: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const start = async () => {
    const r = await api.call('inspection.start', { lotId: proposal.lot.lotId });
    if (r.ok) onStarted(r.value.inspectionId);
    else setError(r.error);
  };
  const skip = async () => {
    const r = await api.call('inspection.skip', { lotId: proposal.lot.lotId });
    setError(r.ok ? null : r.error);
  };
  return (
    <section className="card" aria-labelledby="proposal-title" data-testid="proposal">
      <h2 id="proposal-title">
        {proposal.lot.skuName ?? proposal.lot.gtin} · {t('inspection.lot')}{' '}
        <code>{proposal.lot.lot || t('inspection.noLot')}</code>
      </h2>
      <p>
        {proposal.supplier.name}{' '}
        <span className={`pill standing-${proposal.supplier.standing}`}>
          {t(`standing.${proposal.supplier.standing}`)}
        </span>{' '}
        · {t('inspection.lotSize', { count: proposal.lot.quantity })}
      </p>
      <p className="severity" data-testid="severity">
        {t('inspection.severityIs', { severity: t(`inspection.severity.${proposal.severity}`) })}
        {proposal.forced && (
          <span className="pill warn">{t(`inspection.forced.${proposal.forced}`)}</span>
        )}
      </p>
      {proposal.problems.length > 0 && (
        <ul className="gate-reasons">
          {proposal.problems.map((p) => (
            <li key={p} className="refuse">
              {p}
            </li>
          ))}
        </ul>
      )}
      {proposal.plan && (
        <>
          <p>
            {t('inspection.planSummary', {
              level: proposal.plan.level,
              letter: proposal.plan.codeLetter,
              n: proposal.plan.sampleSize,
            })}
            {proposal.plan.inspectAll && <b> {t('inspection.inspectAll')}</b>}
          </p>
          <PlanTable plan={proposal.plan} />
          <p>
            {t('inspection.cartonsHint', {
              cartons: Math.min(proposal.cartonCount, proposal.plan.sampleSize),
              total: proposal.cartonCount,
              perCarton: proposal.unitsPerCarton,
            })}
          </p>
        </>
      )}
      <p className="hint">
        {t('inspection.quotaLine', {
          category: proposal.quota.category,
          done: proposal.quota.done,
          quota: proposal.quota.quota,
          week: proposal.quota.week,
        })}
      </p>
      <ErrorBanner error={error} />
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={proposal.problems.length > 0}
          onClick={() => void start()}
        >
          {proposal.inspectionId ? t('inspection.resume') : t('inspection.start')}
        </button>
        {proposal.skip.allowed && (
          <button type="button" className="secondary" onClick={() => void skip()}>
            {t('inspection.skip')}
          </button>
        )}
      </div>
      {!proposal.skip.allowed && proposal.forced === 'spot-check' && (
        <p className="hint">{proposal.skip.reason}</p>
      )}
    </section>
  );
}
