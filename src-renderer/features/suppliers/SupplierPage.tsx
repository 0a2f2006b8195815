import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandingReview } from '../../../src-shared/api/domain-supplier-quality';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { DocumentsPanel } from './DocumentsPanel';
import { LotsPanel } from './LotsPanel';
import { PenaltiesPanel } from './PenaltiesPanel';
import { ScorecardPanel } from './ScorecardPanel';
import { SkusPanel } from './SkusPanel';
import { StandingPanel } from './StandingPanel';
import { SupplierForm } from './SupplierForm';
import { formatCny, useIsManager } from './format';

/** One supplier: papers, scorecard and trends, standing, penalties, lots and SKUs. */
export function SupplierPage({ supplierId, onBack }: { supplierId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const manager = useIsManager();
  const detail = useCall('suppliers.get', { supplierId });
  const [editing, setEditing] = useState(false);
  const [review, setReview] = useState<StandingReview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  const s = detail.value;

  const reviewNow = async () => {
    const result = await api.call('suppliers.reviewStanding', { supplierId });
    if (result.ok) {
      setReview(result.value);
      setError(null);
    } else setError(result.error);
  };

  return (
    <section className="screen supplier-page" aria-labelledby="supplier-title">
      <div className="row">
        <button ref={backRef} type="button" className="secondary" onClick={onBack}>
          {t('suppliers.back')}
        </button>
      </div>
      <ErrorBanner error={detail.error ?? error} />
      {s && (
        <>
          <header className="supplier-header">
            <h1 id="supplier-title">
              {s.code} · {s.name}
            </h1>
            <span className={`pill standing-${s.standing}`} data-testid="supplier-standing">
              {t(`standing.${s.standing}`)}
            </span>
          </header>
          <p>
            {t('suppliers.contact')}: {s.contact || t('common.none')} · {t('suppliers.sales')}:{' '}
            {formatCny(s.cumulativeSalesCny, i18n.language)}
          </p>
          {manager && !editing && (
            <div className="row">
              <button type="button" className="primary" onClick={() => setEditing(true)}>
                {t('suppliers.edit')}
              </button>
              <button type="button" className="secondary" onClick={() => void reviewNow()}>
                {t('suppliers.reviewNow')}
              </button>
            </div>
          )}
          {review && (
            <div className="banner" role="status">
              {review.changed
                ? t('suppliers.reviewChanged', {
                    from: t(`standing.${review.from}`),
                    to: t(`standing.${review.to}`),
                  })
                : t('suppliers.reviewUnchanged', { standing: t(`standing.${review.to}`) })}{' '}
              <span className="reason">{review.assessment.reason}</span>
            </div>
          )}
          {editing ? (
            <SupplierForm
              supplier={s}
              onSaved={() => {
                setEditing(false);
                void detail.reload();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <DocumentsPanel supplier={s} />
          )}
          <ScorecardPanel supplierId={supplierId} />
          <StandingPanel supplierId={supplierId} standing={s.standing} />
          <PenaltiesPanel supplierId={supplierId} />
          <LotsPanel supplierId={supplierId} />
          <SkusPanel supplierId={supplierId} />
        </>
      )}
    </section>
  );
}
