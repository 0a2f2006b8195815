import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';
import { LotPage } from '../trace/LotPage';
import { AcceptanceChart, ParetoChart } from './QualityCharts';
import { NO_FILTERS, queueInput, ReviewFilters, type FilterState } from './ReviewFilters';
import { ReviewQueue } from './ReviewQueue';
import { ForecastChart, QuotaChart, SyncBacklog } from './WorkloadCharts';

const WEEK_CHOICES = [4, 8, 12, 26, 52] as const;

/**
 * The QC manager's review console: what waits for a decision (holds, conditional acceptances,
 * overrides, open complaints, short shelf-life lots) and the dashboards. The calls are for
 * managers only, so an inspector gets a plain message instead of refusals.
 */
export function ReviewScreen() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  if (role === 'qc-manager' || role === 'admin') return <ReviewConsole />;
  return (
    <section className="screen" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      <p className="banner" role="status" data-testid="review-managers-only">
        {t('review.managersOnly')}
      </p>
    </section>
  );
}

function ReviewConsole() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [weeks, setWeeks] = useState<number>(12);
  const [open, setOpen] = useState<{ lotId: string; key: string } | null>(null);
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  const queue = useCall('review.queue', queueInput(filters));
  const dashboard = useCall('review.dashboard', {
    ...(filters.supplierId ? { supplierId: filters.supplierId } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    weeks,
  });
  const q = queue.value;
  const d = dashboard.value;

  if (open) {
    return (
      <section className="screen" aria-labelledby="review-title">
        <h1 id="review-title">{t('review.title')}</h1>
        <LotPage
          lotId={open.lotId}
          onOpenLot={(lotId) => setOpen({ lotId, key: open.key })}
          onClose={() => {
            setLastOpened(open.key);
            setOpen(null);
          }}
        />
      </section>
    );
  }
  return (
    <section className="screen review-screen" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      <ReviewFilters
        value={filters}
        onChange={setFilters}
        suppliers={q?.suppliers ?? []}
        categories={q?.categories ?? []}
      />
      <ErrorBanner error={queue.error} />
      {q && (
        <ReviewQueue
          items={q.items}
          today={q.today}
          overrideDays={q.overrideDays}
          focusKey={lastOpened}
          onOpen={(item) => {
            if (item.lotId) setOpen({ lotId: item.lotId, key: item.key });
          }}
        />
      )}
      <div className="row">
        <h2 id="review-dashboards-h">{t('review.charts.title')}</h2>
        <label htmlFor="review-weeks">{t('review.charts.weeksLabel')}</label>
        <select id="review-weeks" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
          {WEEK_CHOICES.map((w) => (
            <option key={w} value={w}>
              {t('review.charts.weeksOption', { count: w })}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner error={dashboard.error} />
      {d && (
        <div className="panel-grid" data-testid="review-dashboards">
          <AcceptanceChart dashboard={d} />
          <ParetoChart
            bars={d.defectPareto.byCategory}
            title={t('review.charts.paretoCategory', { weeks: d.weeks.length })}
            testId="review-chart-pareto-category"
            fileName={`defects-by-category-${d.today}.csv`}
          />
          <ParetoChart
            bars={d.defectPareto.byCheck}
            title={t('review.charts.paretoCheck', { weeks: d.weeks.length })}
            testId="review-chart-pareto-check"
            fileName={`defects-by-check-${d.today}.csv`}
          />
          <ForecastChart dashboard={d} />
          <QuotaChart dashboard={d} />
          <SyncBacklog backlog={d.syncBacklog} />
        </div>
      )}
    </section>
  );
}
