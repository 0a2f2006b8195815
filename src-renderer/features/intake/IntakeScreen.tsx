import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DeliveryDetail,
  DeliverySummary,
  OpenResult,
} from '../../../src-shared/api/domain-intake';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';
import { CameraScanner } from '../camera';
import { AdHocForm } from './AdHocForm';
import { CloseDialog } from './CloseDialog';
import { DeliveryList } from './DeliveryList';
import { DeliveryPanel } from './DeliveryPanel';
import { LastScan } from './LastScan';
import { ManualEntry } from './ManualEntry';
import { RefusalPanel } from './RefusalPanel';
import { ScannerSimulator } from './ScannerSimulator';

type Mode =
  | { kind: 'work' }
  | { kind: 'list' }
  | { kind: 'ad-hoc' }
  | { kind: 'closing' }
  | { kind: 'refused'; detail: DeliveryDetail };

/**
 * The inspector's core loop: open a delivery (scan its pallet or number, or pick it), scan
 * everything, close with the discrepancies on record. Operable by scanner and keyboard alone.
 */
export function IntakeScreen() {
  const { t } = useTranslation();
  const today = useStation((s) => s.info?.today ?? '');
  const demo = useStation((s) => s.info?.demo ?? false);
  const lastScan = useStation((s) => s.lastScan);
  const deliveries = useCall('intake.deliveries', {});
  const active = useCall('intake.active', {});
  const [mode, setMode] = useState<Mode>({ kind: 'work' });
  const [error, setError] = useState<ApiError | null>(null);
  const [closedNote, setClosedNote] = useState<string | null>(null);

  const afterOpen = (result: OpenResult) => {
    setError(null);
    setClosedNote(null);
    setMode(
      result.status === 'refused' ? { kind: 'refused', detail: result.detail } : { kind: 'work' },
    );
  };
  const open = async (d: DeliverySummary) => {
    const result = await api.call('intake.open', { deliveryId: d.deliveryId });
    if (result.ok) afterOpen(result.value);
    else setError(result.error);
  };
  // A refusal that arrives by scan shows the same panel as one from the list.
  const scannedRefusal =
    lastScan?.outcome === 'refused-delivery' && lastScan.deliveryId && mode.kind === 'work';

  const detail = active.value;
  const showList = mode.kind === 'list' || (mode.kind === 'work' && !detail);
  return (
    <section className="screen intake" aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.title')}</h1>
      <LastScan scan={lastScan} />
      <ManualEntry />
      <CameraScanner />
      <ErrorBanner error={error ?? active.error ?? deliveries.error} />
      {closedNote && (
        <p className="banner" role="status">
          {closedNote}
        </p>
      )}
      <div className={demo ? 'columns' : undefined}>
        <div>
          {scannedRefusal && lastScan.deliveryId && (
            <ScannedRefusal deliveryId={lastScan.deliveryId} />
          )}
          {mode.kind === 'refused' && (
            <RefusalPanel detail={mode.detail} onDismiss={() => setMode({ kind: 'work' })} />
          )}
          {mode.kind === 'ad-hoc' && (
            <AdHocForm onDone={afterOpen} onCancel={() => setMode({ kind: 'work' })} />
          )}
          {mode.kind === 'closing' && detail && (
            <CloseDialog
              deliveryId={detail.delivery.deliveryId}
              number={detail.delivery.number}
              onCancel={() => setMode({ kind: 'work' })}
              onClosed={(s) => {
                setClosedNote(
                  t('intake.closedNote', {
                    number: detail.delivery.number,
                    received: s.receivedUnits,
                    expected: s.expectedUnits,
                    count: s.discrepancies.length,
                  }),
                );
                setMode({ kind: 'work' });
              }}
            />
          )}
          {mode.kind === 'work' && detail && (
            <DeliveryPanel
              detail={detail}
              onClose={() => setMode({ kind: 'closing' })}
              onSwitch={() => setMode({ kind: 'list' })}
            />
          )}
          {showList && (
            <>
              <h2>{t('intake.today', { date: today })}</h2>
              <p className="hint">{t('intake.openHint')}</p>
              <DeliveryList deliveries={deliveries.value ?? []} onOpen={(d) => void open(d)} />
              <div className="row">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setMode({ kind: 'ad-hoc' })}
                >
                  {t('intake.adHocTitle')}
                </button>
                {mode.kind === 'list' && detail && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setMode({ kind: 'work' })}
                  >
                    {t('common.back')}
                  </button>
                )}
              </div>
            </>
          )}
        </div>
        {demo && <ScannerSimulator />}
      </div>
    </section>
  );
}

function ScannedRefusal({ deliveryId }: { deliveryId: string }) {
  const detail = useCall('intake.delivery', { deliveryId });
  const [dismissed, setDismissed] = useState(false);
  if (!detail.value || dismissed || detail.value.delivery.status !== 'refused') return null;
  return <RefusalPanel detail={detail.value} onDismiss={() => setDismissed(true)} />;
}
