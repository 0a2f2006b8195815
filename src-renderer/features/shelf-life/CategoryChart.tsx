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
import type { ShelfBoard } from '../../../src-shared/api/domain-shelf-life';

const SERIES = [
  { key: 'overdue', colour: '#b91c1c' },
  { key: 'thisWeek', colour: '#d97706' },
  { key: 'next30Days', colour: '#0f766e' },
] as const;

/** Legend and tooltip list the groups in the board's order (not alphabetically). */
const seriesOrder = (item: { dataKey?: unknown }) =>
  SERIES.findIndex((s) => s.key === item.dataKey);

/** Lots to pull by category, stacked by group: where the waste comes from. */
export function CategoryChart({
  byCategory,
  counts,
}: {
  byCategory: ShelfBoard['byCategory'];
  counts: ShelfBoard['counts'];
}) {
  const { t } = useTranslation();
  const many = byCategory.length > 6;
  return (
    <figure className="chart card board-chart" data-testid="category-chart">
      <figcaption>{t('shelfLife.chart.title')}</figcaption>
      {byCategory.length === 0 ? (
        <p className="empty">{t('shelfLife.chart.none')}</p>
      ) : (
        <div
          className="chart-area"
          role="img"
          aria-label={t('shelfLife.chart.summary', {
            categories: byCategory.length,
            overdue: counts.overdue,
            thisWeek: counts.thisWeek,
            next30Days: counts.next30Days,
          })}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={byCategory} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
              <XAxis
                dataKey="category"
                tick={{ fontSize: 12 }}
                interval={0}
                angle={many ? -30 : 0}
                textAnchor={many ? 'end' : 'middle'}
                height={many ? 56 : 30}
              />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip itemSorter={seriesOrder} />
              <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={seriesOrder} />
              {SERIES.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={t(`shelfLife.counts.${s.key}`)}
                  stackId="lots"
                  fill={s.colour}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
