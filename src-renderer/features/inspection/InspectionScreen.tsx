import { useTranslation } from 'react-i18next';
import type { LotSummary } from '../../../src-shared/api/domain-intake';
import { ErrorBanner } from '../../components/ErrorText';
import { Table, type Column } from '../../components/Table';
import { useCall } from '../../components/useCall';

export function useLotColumns(): Column<LotSummary>[] {
  const { t } = useTranslation();
  return [
    { key: 'lot', header: t('inspection.lot'), render: (l) => <code>{l.lot}</code> },
    { key: 'product', header: t('inspection.product'), render: (l) => l.skuName ?? l.gtin },
    {
      key: 'delivery',
      header: t('inspection.delivery'),
      render: (l) => `${l.deliveryNumber} · ${l.supplierName}`,
    },
    { key: 'qty', header: t('inspection.quantity'), render: (l) => l.quantity, className: 'num' },
    { key: 'expiry', header: t('inspection.expiry'), render: (l) => l.expiry ?? t('common.none') },
    { key: 'received', header: t('inspection.received'), render: (l) => l.receivedOn },
    {
      key: 'status',
      header: t('inspection.status'),
      render: (l) => <span className={`pill lot-${l.status}`}>{t(`lotStatus.${l.status}`)}</span>,
    },
  ];
}

export function InspectionScreen() {
  const { t } = useTranslation();
  const awaiting = useCall('intake.lots', { status: 'awaiting-inspection', limit: 200 });
  const recent = useCall('intake.lots', { limit: 50 });
  const columns = useLotColumns();
  return (
    <section className="screen" aria-labelledby="inspection-title">
      <h1 id="inspection-title">{t('inspection.title')}</h1>
      <h2>{t('inspection.awaiting')}</h2>
      <ErrorBanner error={awaiting.error} />
      <Table
        label={t('inspection.awaiting')}
        rows={awaiting.value ?? []}
        rowKey={(l) => l.lotId}
        empty={t('inspection.none')}
        columns={columns}
      />
      <h2>{t('inspection.recent')}</h2>
      <ErrorBanner error={recent.error} />
      <Table
        label={t('inspection.recent')}
        rows={(recent.value ?? []).filter((l) => l.status !== 'awaiting-inspection')}
        rowKey={(l) => l.lotId}
        empty={t('inspection.none')}
        columns={columns}
      />
    </section>
  );
}
