import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReviewDashboard } from '../../../src-shared/api/domain-review';
import { CsvButton } from './CsvButton';

/** Lots leaving sale in each coming week (their removal date), after those already overdue. */
export function ForecastChart({ dashboard }: { dashboard: ReviewDashboard }) {
  const { t } = useTranslation();
  const f = dashboard.pullForecast;
  const data = [
    { label: t('review.charts.overdue'), lots: f.overdue.lots, units: f.overdue.units },
    ...f.weeks.map((w) => ({ label: w.week.slice(5), lots: w.lots, units: w.units })),
  ];
  const total = data.reduce((n, d) => n + d.lots, 0);
  return (
    <figure className="chart card" data-testid="review-chart-forecast">
      <figcaption className="row tight">
        {t('review.charts.forecast', { weeks: f.weeks.length })}
        <CsvButton
          fileName={`pull-forecast-${dashboard.today}.csv`}
          header={[
            t('review.charts.week'),
            t('review.filters.since'),
            t('review.filters.until'),
            t('review.charts.lots'),
            t('review.charts.units'),
          ]}
          rows={() => [
            [t('review.charts.overdue'), null, null, f.overdue.lots, f.overdue.units],
            ...f.weeks.map((w) => [w.week, w.from, w.to, w.lots, w.units]),
          ]}
        />
      </figcaption>
      <div
        className="chart-area"
        role="img"
        aria-label={t('review.charts.forecastSummary', { lots: total, overdue: f.overdue.lots })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar
              dataKey="lots"
              name={t('review.charts.lots')}
              fill="#d97706"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** This ISO week's inspections per category against the spot-check quota (the setting). */
export function QuotaChart({ dashboard }: { dashboard: ReviewDashboard }) {
  const { t } = useTranslation();
  const q = dashboard.spotCheckQuota;
  const short = q.categories.filter((c) => c.done < c.required).length;
  const many = q.categories.length > 5;
  return (
    <figure className="chart card" data-testid="review-chart-quota">
      <figcaption className="row tight">
        {t('review.charts.quota', { week: q.week })}
        <CsvButton
          fileName={`spot-check-quota-${q.week}.csv`}
          header={[
            t('review.filters.category'),
            t('review.charts.required'),
            t('review.charts.done'),
          ]}
          rows={() => q.categories.map((c) => [c.category, c.required, c.done])}
        />
      </figcaption>
      {q.categories.length === 0 ? (
        <p className="empty">{t('review.charts.noCategories')}</p>
      ) : (
        <div
          className="chart-area"
          role="img"
          aria-label={t('review.charts.quotaSummary', {
            categories: q.categories.length,
            short,
          })}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={q.categories} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
              <XAxis
                dataKey="category"
                tick={{ fontSize: 12 }}
                interval={0}
                angle={many ? -30 : 0}
                textAnchor={many ? 'end' : 'middle'}
                height={many ? 64 : 30}
              />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 13 }} />
              <Bar
                dataKey="required"
                name={t('review.charts.required')}
                fill="#94a3b8"
                isAnimationActive={false}
              />
              <Bar
                dataKey="done"
                name={t('review.charts.done')}
                fill="#0f766e"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

/** Events not yet uploaded to head office, and when an upload last succeeded. */
export function SyncBacklog({ backlog }: { backlog: ReviewDashboard['syncBacklog'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="review-sync-backlog" aria-labelledby="review-sync-h">
      <h3 id="review-sync-h">{t('review.sync.title')}</h3>
      <div className="score-tiles">
        <div className={`score-tile ${backlog.pendingEvents > 0 ? 'warn' : 'good'}`}>
          <b data-testid="review-sync-pending">{backlog.pendingEvents}</b>
          <span>{t('review.sync.pending')}</span>
        </div>
        <div className="score-tile">
          <b>{t(`review.sync.state.${backlog.state}`)}</b>
          <span>{t('review.sync.stateLabel')}</span>
        </div>
      </div>
      <p className="hint">
        {backlog.lastSuccessAt
          ? t('review.sync.lastSuccess', {
              at: new Date(backlog.lastSuccessAt).toLocaleString(),
            })
          : t('review.sync.never')}
      </p>
      {backlog.lastError && <p className="banner banner-error">{backlog.lastError}</p>}
    </section>
  );
}
