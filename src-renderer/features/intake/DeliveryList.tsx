import { useTranslation } from 'react-i18next';
import type { DeliverySummary } from '../../../src-shared/api/domain-intake';
import { Table } from '../../components/Table';
import { ExportCsvButton } from '../../components/ExportCsvButton';

/** Today's deliveries; Enter (or a click) on a row opens it. */
export function DeliveryList({
  deliveries,
  onOpen,
}: {
  deliveries: readonly DeliverySummary[];
  onOpen: (d: DeliverySummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table<DeliverySummary>
        label={t('intake.todayList')}
        rows={deliveries}
        rowKey={(d) => d.deliveryId}
        empty={t('intake.noDeliveries')}
        onSelect={onOpen}
        columns={[
          {
            key: 'number',
            header: t('intake.number'),
            render: (d) => (
              <>
                {d.number}
                {d.adHoc && <span className="pill warn">{t('intake.adHoc')}</span>}
              </>
            ),
          },
          { key: 'supplier', header: t('intake.supplier'), render: (d) => d.supplierName },
          {
            key: 'standing',
            header: t('intake.standing'),
            render: (d) => (
              <span className={`pill standing-${d.supplierStanding}`}>
                {t(`standing.${d.supplierStanding}`)}
              </span>
            ),
          },
          {
            key: 'status',
            header: t('intake.status'),
            render: (d) =>
              d.active ? <b>{t('intake.activeNow')}</b> : t(`deliveryStatus.${d.status}`),
          },
          {
            key: 'units',
            header: t('intake.units'),
            render: (d) => `${d.receivedUnits} / ${d.expectedUnits}`,
            className: 'num',
          },
          { key: 'lines', header: t('intake.lines'), render: (d) => d.lineCount, className: 'num' },
        ]}
      />
      <div className="row">
        <ExportCsvButton entity="deliveries" />
      </div>
    </>
  );
}
