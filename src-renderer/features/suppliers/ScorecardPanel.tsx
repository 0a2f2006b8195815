import { useTranslation } from 'react-i18next';
import type { PeriodScoreView } from '../../../src-shared/api/domain-supplier-quality';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { TREND_ARROWS, formatNumber, formatRate } from './format';
import { TrendCharts } from './TrendCharts';

/** The scorecard over the configured periods, the standing the rules indicate, and the trends. */
export function ScorecardPanel({ supplierId }: { supplierId: string }) {
  const { t, i18n } = useTranslation();
  const card = useCall('suppliers.scorecard', { supplierId });
  const c = card.value;
  const n = (v: number) => formatNumber(v, i18n.language);
  const none = t('common.none');
  const rows: { key: string; label: string; value: (p: PeriodScoreView) => string }[] = [
    {
      key: 'acceptance',
      label: t('suppliers.acceptance'),
      value: (p) =>
        p.lots.decided === 0
          ? none
          : `${formatRate(p.acceptanceRate, i18n.language)} (${t('suppliers.lotsOf', {
              accepted: p.lots.accepted,
              decided: p.lots.decided,
            })})`,
    },
    {
      key: 'ppm',
      label: t('suppliers.ppm'),
      value: (p) =>
        p.ppm === null
          ? none
          : `${n(p.ppm)} (${t('suppliers.defectsOf', { defects: p.defects, units: p.unitsInspected })})`,
    },
    { key: 'counterfeits', label: t('suppliers.counterfeits'), value: (p) => n(p.counterfeits) },
    {
      key: 'late',
      label: t('suppliers.lateDeliveries'),
      value: (p) => `${n(p.deliveries.late)} / ${n(p.deliveries.arrived)}`,
    },
    {
      key: 'short',
      label: t('suppliers.shortDeliveries'),
      value: (p) => `${n(p.deliveries.short)} / ${n(p.deliveries.arrived)}`,
    },
    { key: 'complaints', label: t('suppliers.complaints'), value: (p) => n(p.complaints) },
  ];
  return (
    <section className="card scorecard" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">{t('suppliers.scorecard')}</h2>
      <ErrorBanner error={card.error} />
      {c && (
        <>
          <div className="score-tiles">
            {c.periods.map((p) => (
              <div
                key={p.days}
                className={`score-tile ${tone(p.score, c.thresholds)}`}
                data-testid={`score-${p.days}`}
              >
                <b>{p.score === null ? none : n(p.score)}</b>
                <span>{t('suppliers.scoreDays', { days: p.days })}</span>
              </div>
            ))}
            {c.trend && (
              <div className="score-tile">
                <b className={`trend trend-${c.trend}`}>{TREND_ARROWS[c.trend]}</b>
                <span>{t(`suppliers.trend.${c.trend}`)}</span>
              </div>
            )}
          </div>
          <table className="data" aria-label={t('suppliers.scorecard')}>
            <thead>
              <tr>
                <th scope="col">{t('suppliers.measure')}</th>
                {c.periods.map((p) => (
                  <th key={p.days} scope="col" className="num">
                    {t('suppliers.lastDays', { days: p.days })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {c.periods.map((p) => (
                    <td key={p.days} className="num">
                      {r.value(p)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="assessment" data-testid="assessment">
            {t('suppliers.rulesIndicate', {
              standing: t(`standing.${c.assessment.indicated}`),
              days: c.standingPeriodDays,
            })}{' '}
            <span className="reason">{c.assessment.reason}</span>
            {c.assessment.recoverySupported && (
              <span className="pill warn">{t('suppliers.recoverySupported')}</span>
            )}
          </p>
          <p className="hint">
            {t('suppliers.thresholdsHint', {
              probation: c.thresholds.probationBelow,
              suspended: c.thresholds.suspendedBelow,
              lots: c.thresholds.minLots,
            })}
          </p>
          <TrendCharts weekly={c.weekly} />
        </>
      )}
    </section>
  );
}

function tone(score: number | null, th: { probationBelow: number; suspendedBelow: number }) {
  if (score === null) return '';
  if (score < th.suspendedBelow) return 'bad';
  return score < th.probationBelow ? 'warn' : 'good';
}
