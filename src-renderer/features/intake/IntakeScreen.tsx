import { useTranslation } from 'react-i18next';
import type { DeliverySummary, ScanResult } from '../../../src-shared/api/domain-intake';
import { ErrorBanner } from '../../components/ErrorText';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';
import { ScannerSimulator } from './ScannerSimulator';

export function LastScan({ scan }: { scan: ScanResult | null }) {
  const { t } = useTranslation();
  if (!scan) return <div className="last-scan idle">{t('intake.noScanYet')}</div>;
  return (
    <div className={`last-scan ${scan.severity}`} role="status" data-testid="last-scan">
      <div className="last-scan-message">{scan.message}</div>
      <div className="last-scan-data">
        {scan.gtin && <span>GTIN {scan.gtin}</span>}
        {scan.lot && <span>LOT {scan.lot}</span>}
        <code>{scan.data.replaceAll('\x1d', '⟨GS⟩')}</code>
        {scan.duplicate && <em>{t('intake.duplicate')}</em>}
      </div>
    </div>
  );
}

export function IntakeScreen() {
  const { t } = useTranslation();
  const today = useStation((s) => s.info?.today ?? '');
  const demo = useStation((s) => s.info?.demo ?? false);
  const lastScan = useStation((s) => s.lastScan);
  const scans = useStation((s) => s.scans);
  const deliveries = useCall('intake.deliveries', {});

  return (
    <section className="screen intake" aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.title')}</h1>
      <LastScan scan={lastScan} />
      <div className="columns">
        <div>
          <h2>{t('intake.today', { date: today })}</h2>
          <ErrorBanner error={deliveries.error} />
          <Table<DeliverySummary>
            label={t('intake.today', { date: today })}
            rows={deliveries.value ?? []}
            rowKey={(d) => d.deliveryId}
            empty={t('intake.noDeliveries')}
            columns={[
              { key: 'number', header: t('intake.number'), render: (d) => d.number },
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
                render: (d) => t(`deliveryStatus.${d.status}`),
              },
              {
                key: 'units',
                header: t('intake.units'),
                render: (d) => `${d.receivedUnits} / ${d.expectedUnits}`,
                className: 'num',
              },
              {
                key: 'lines',
                header: t('intake.lines'),
                render: (d) => d.lineCount,
                className: 'num',
              },
            ]}
          />
          <h2>{t('intake.scans')}</h2>
          <ol className="scan-list" aria-label={t('intake.scans')}>
            {scans.map((s) => (
              <li key={`${s.scanId}-${s.recordedAt}`} className={s.severity}>
                <span className="scan-time">{new Date(s.recordedAt).toLocaleTimeString()}</span>{' '}
                {s.message}
              </li>
            ))}
          </ol>
        </div>
        {demo && <ScannerSimulator />}
      </div>
    </section>
  );
}
