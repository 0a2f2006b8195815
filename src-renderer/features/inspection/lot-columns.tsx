import { useTranslation } from 'react-i18next';
import type { LotSummary } from '../../../src-shared/api/domain-intake';
import type { Column } from '../../components/Table';
import { ShelfPill } from '../shelf-life/LotDatesForm';

export function useLotColumns(): Column<LotSummary>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'lot',
      header: t('inspection.lot'),
      render: (l) => <code>{l.lot || t('inspection.noLot')}</code>,
    },
    { key: 'product', header: t('inspection.product'), render: (l) => l.skuName ?? l.gtin },
    {
      key: 'delivery',
      header: t('inspection.delivery'),
      render: (l) => `${l.deliveryNumber} · ${l.supplierName}`,
    },
    { key: 'qty', header: t('inspection.quantity'), render: (l) => l.quantity, className: 'num' },
    { key: 'expiry', header: t('inspection.expiry'), render: (l) => l.expiry ?? t('common.none') },
    { key: 'shelf', header: t('shelfDates.column'), render: (l) => <ShelfPill lot={l} /> },
    { key: 'received', header: t('inspection.received'), render: (l) => l.receivedOn },
    {
      key: 'status',
      header: t('inspection.status'),
      render: (l) => <span className={`pill lot-${l.status}`}>{t(`lotStatus.${l.status}`)}</span>,
    },
  ];
}
