import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../src-shared/api/domain-inspection';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { LotShelfCard } from '../shelf-life/LotShelfCard';
import { DecisionPanel } from './DecisionPanel';
import { PlanTable } from './PlanTable';
import { ProposalPanel } from './ProposalPanel';
import { UnitForm } from './UnitForm';

/** One lot: the proposal before it starts, the units while it runs, the decision after. */
export function LotInspection({ lotId, onClose }: { lotId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const proposal = useCall('inspection.proposal', { lotId });
  const current = useCall('inspection.ofLot', { lotId });
  const [error, setError] = useState<ApiError | null>(null);
  const view: InspectionView | null = current.value ?? null;
  const complete = async () => {
    if (!view) return;
    const r = await api.call('inspection.complete', { inspectionId: view.inspectionId });
    setError(r.ok ? null : r.error);
  };
  const started = view && (view.status === 'in-progress' || view.status === 'completed');
  return (
    <section className="lot-inspection" aria-label={t('inspection.lotTitle')}>
      <div className="row">
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.back')}
        </button>
      </div>
      <ErrorBanner error={error ?? proposal.error ?? current.error} />
      <LotShelfCard
        lotId={lotId}
        undecided={
          !view?.decision &&
          proposal.value?.lot.status !== 'accepted' &&
          proposal.value?.lot.status !== 'rejected'
        }
      />
      {!started && proposal.value && (
        <ProposalPanel proposal={proposal.value} onStarted={() => void current.reload()} />
      )}
      {view && started && (
        <>
          <section className="card" aria-labelledby="inspection-title" data-testid="inspection">
            <h2 id="inspection-title">
              {view.lot.skuName} · <code>{view.lot.lot}</code> · {view.supplier.name}
            </h2>
            <p data-testid="severity">
              {t('inspection.severityIs', {
                severity: t(`inspection.severity.${view.plan.severity}`),
              })}
              {view.forced && (
                <span className="pill warn">{t(`inspection.forced.${view.forced}`)}</span>
              )}{' '}
              ·{' '}
              {t('inspection.planSummary', {
                level: view.plan.level,
                letter: view.plan.codeLetter,
                n: view.plan.sampleSize,
              })}
            </p>
            <p className="hint" data-testid="cartons">
              {t('inspection.cartonsToOpen', {
                list: view.cartons.join(', '),
                total: view.cartonCount,
                seed: view.seed.slice(0, 12),
              })}
            </p>
            <PlanTable plan={view.plan} counts={view.judgement.classes} />
          </section>
          {view.status === 'in-progress' && !view.judgement.complete && (
            <UnitForm view={view} onRecorded={() => void current.reload()} />
          )}
          {view.status === 'in-progress' && view.judgement.complete && (
            <div className="card">
              <p>{t('inspection.sampleDone', { n: view.judgement.unitsRecorded })}</p>
              <button type="button" className="primary" onClick={() => void complete()}>
                {t('inspection.complete')}
              </button>
            </div>
          )}
          {view.status === 'completed' && (
            <DecisionPanel view={view} onDecided={() => void current.reload()} />
          )}
        </>
      )}
    </section>
  );
}
