import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ParetoBar, ReviewDashboard } from '../../../src-shared/api/domain-review';
import { CsvButton } from './CsvButton';

const PALETTE = ['#0f766e', '#b45309', '#1d4ed8', '#b91c1c', '#7c3aed', '#475569', '#be185d'];

/** Lots accepted outright ÷ decided per ISO week, one line per supplier. */
export function AcceptanceChart({ dashboard }: { dashboard: ReviewDashboard }) {
  const { t } = useTranslation();
  const suppliers = dashboard.acceptanceBySupplier;
  const data = dashboard.weeks.map((week, i) => ({
    label: week.slice(5),
    ...Object.fromEntries(suppliers.map((s) => [s.supplierId, s.points[i]?.rate ?? null])),
  }));
  return (
    <figure className="chart card" data-testid="review-chart-acceptance">
      <figcaption className="row tight">
        {t('review.charts.acceptance', { weeks: dashboard.weeks.length })}
        <CsvButton
          fileName={`acceptance-by-supplier-${dashboard.today}.csv`}
          header={[
            t('review.queue.supplier'),
            t('review.charts.week'),
            t('review.charts.lots'),
            t('review.charts.accepted'),
            t('review.charts.conditional'),
            t('review.charts.rejected'),
            t('review.charts.held'),
            t('review.charts.ratePct'),
          ]}
          rows={() =>
            suppliers.flatMap((s) =>
              s.points
                .filter((p) => p.lots > 0)
                .map((p) => [
                  s.supplierName,
                  p.week,
                  p.lots,
                  p.accepted,
                  p.conditional,
                  p.rejected,
                  p.held,
                  p.rate,
                ]),
            )
          }
        />
      </figcaption>
      {suppliers.length === 0 ? (
        <p className="empty">{t('review.charts.noDecisions')}</p>
      ) : (
        <div
          className="chart-area"
          role="img"
          aria-label={t('review.charts.acceptanceSummary', { suppliers: suppliers.length })}
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} unit="%" />
              <Tooltip formatter={(v) => `${String(v)} %`} />
              <Legend wrapperStyle={{ fontSize: 13 }} />
              {suppliers.map((s, i) => (
                <Line
                  key={s.supplierId}
                  type="monotone"
                  dataKey={s.supplierId}
                  name={s.supplierName}
                  stroke={PALETTE[i % PALETTE.length]}
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

/** Counts most first, with the running share on a second axis: the few causes of most defects. */
export function ParetoChart({
  bars,
  title,
  testId,
  fileName,
}: {
  bars: readonly ParetoBar[];
  title: string;
  testId: string;
  fileName: string;
}) {
  const { t, i18n } = useTranslation();
  const labelOf = (b: ParetoBar) =>
    i18n.language === 'zh-CN' && b.labelZh ? b.labelZh : b.label || '—';
  const data = bars.map((b) => ({ ...b, name: labelOf(b) }));
  const many = bars.length > 5;
  return (
    <figure className="chart card" data-testid={testId}>
      <figcaption className="row tight">
        {title}
        <CsvButton
          fileName={fileName}
          header={[
            t('review.charts.cause'),
            t('review.charts.count'),
            t('review.charts.cumulativePct'),
          ]}
          rows={() => bars.map((b) => [labelOf(b), b.count, b.cumulativePct])}
        />
      </figcaption>
      {bars.length === 0 ? (
        <p className="empty">{t('review.charts.noDefects')}</p>
      ) : (
        <div
          className="chart-area"
          role="img"
          aria-label={t('review.charts.paretoSummary', {
            causes: bars.length,
            top: labelOf(bars[0] as ParetoBar),
          })}
        >
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
              <XAxis
                dataKey="name"
                tick={{ fontSize: 12 }}
                interval={0}
                angle={many ? -30 : 0}
                textAnchor={many ? 'end' : 'middle'}
                height={many ? 64 : 30}
              />
              <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis
                yAxisId="pct"
                orientation="right"
                domain={[0, 100]}
                unit="%"
                tick={{ fontSize: 12 }}
              />
              <Tooltip />
              <Bar
                yAxisId="count"
                dataKey="count"
                name={t('review.charts.count')}
                fill="#b45309"
                isAnimationActive={false}
              />
              <Line
                yAxisId="pct"
                dataKey="cumulativePct"
                name={t('review.charts.cumulativePct')}
                stroke="#1d4ed8"
                strokeWidth={2}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
