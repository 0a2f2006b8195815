import { useTranslation } from 'react-i18next';
import type { LotSummary } from '../../../src-shared/api/domain-intake';
import { daysBetween } from '../../../src-shared/util/dates';
import { ErrorBanner } from '../../components/ErrorText';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';
import { useLotColumns } from '../inspection/lot-columns';

export function ShelfLifeScreen() {
  const { t } = useTranslation();
  const today = useStation((s) => s.info?.today ?? '');
  const lots = useCall('intake.lots', { status: 'accepted', limit: 1000 });
  const columns = useLotColumns();
  const withExpiry = (lots.value ?? [])
    .filter((l): l is LotSummary & { expiry: string } => l.expiry !== null)
    .sort((a, b) => a.expiry.localeCompare(b.expiry));
  return (
    <section className="screen" aria-labelledby="shelf-title">
      <h1 id="shelf-title">{t('shelfLife.title')}</h1>
      <h2>{t('shelfLife.byExpiry')}</h2>
      <ErrorBanner error={lots.error} />
      <Table
        label={t('shelfLife.byExpiry')}
        rows={withExpiry}
        rowKey={(l) => l.lotId}
        empty={t('shelfLife.none')}
        columns={[
          ...columns,
          {
            key: 'days',
            header: t('shelfLife.daysLeft'),
            render: (l) => (today ? daysBetween(today, l.expiry) : ''),
            className: 'num',
          },
        ]}
      />
    </section>
  );
}
