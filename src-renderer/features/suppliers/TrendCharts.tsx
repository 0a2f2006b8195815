import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ScorecardView } from '../../../src-shared/api/domain-supplier-quality';
import { formatNumber } from './format';

type Week = ScorecardView['weekly'][number];

/** Lot acceptance and defect rate by ISO week: is the supplier getting better or worse? */
export function TrendCharts({ weekly }: { weekly: readonly Week[] }) {
  const { t, i18n } = useTranslation();
  const data = weekly.map((w) => ({ ...w, label: w.week.slice(5) }));
  const measured = weekly.filter((w) => w.acceptancePct !== null || w.ppm !== null).length;
  return (
    <div className="panel-grid" data-testid="trend-charts">
      <figure className="chart">
        <figcaption>{t('suppliers.chartAcceptance', { weeks: weekly.length })}</figcaption>
        <div
          className="chart-area"
          role="img"
          aria-label={t('suppliers.chartSummary', { weeks: measured })}
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} unit="%" />
              <Tooltip
                formatter={(v) => [`${String(v)} %`, t('suppliers.acceptance')]}
                labelFormatter={(l) =>
                  t('suppliers.weekOf', { week: typeof l === 'string' ? l : '' })
                }
              />
              <Line
                type="monotone"
                dataKey="acceptancePct"
                stroke="#0f766e"
                strokeWidth={3}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="chart">
        <figcaption>{t('suppliers.chartPpm', { weeks: weekly.length })}</figcaption>
        <div
          className="chart-area"
          role="img"
          aria-label={t('suppliers.chartSummary', { weeks: measured })}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis
                tick={{ fontSize: 12 }}
                tickFormatter={(v: number) => formatNumber(v, i18n.language)}
              />
              <Tooltip
                formatter={(v) => [
                  `${formatNumber(Number(v), i18n.language)} ppm`,
                  t('suppliers.ppm'),
                ]}
                labelFormatter={(l) =>
                  t('suppliers.weekOf', { week: typeof l === 'string' ? l : '' })
                }
              />
              <Bar dataKey="ppm" fill="#b45309" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
