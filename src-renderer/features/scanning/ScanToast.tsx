import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../../src-shared/api/domain-intake';
import { useScanFeedback, watchStationScans, type ScanFeedback } from './scan-feedback';

/** How long a toast stays: a good read is glanced at, a problem must be read. */
const VISIBLE_MS = { ok: 4000, warning: 8000, error: 8000 } as const;

function severityOf(feedback: ScanFeedback): keyof typeof VISIBLE_MS {
  return feedback.kind === 'scan' ? feedback.scan.severity : 'error';
}

/** The station's own sentence, in Chinese when the screen speaks Chinese and it sent one. */
function messageOf(scan: ScanResult, language: string): string {
  if (language.startsWith('zh') && 'messageZh' in scan && typeof scan.messageZh === 'string') {
    return scan.messageZh;
  }
  return scan.message;
}

/**
 * The newest scan result on every screen of the Shell, large and in its severity's colour, for
 * a few seconds. The live region stays in the page while empty so screen readers announce
 * each new result.
 */
export function ScanToast({ onScreen = true }: { onScreen?: boolean }) {
  const { t, i18n } = useTranslation();
  const current = useScanFeedback((s) => s.current);
  const dismiss = useScanFeedback((s) => s.dismiss);

  useEffect(() => watchStationScans(), []);

  useEffect(() => {
    if (!current) return;
    const timer = window.setTimeout(() => dismiss(current.id), VISIBLE_MS[severityOf(current)]);
    return () => window.clearTimeout(timer);
  }, [current, dismiss]);

  const severity = current ? severityOf(current) : null;
  return (
    <div
      // Where the screen shows the result itself (Intake's large banner), the toast stays only as
      // the announcement for screen readers and the sound.
      className={severity && onScreen ? `scan-toast ${severity}` : 'scan-toast empty'}
      role="status"
      aria-live={severity === 'error' ? 'assertive' : 'polite'}
      aria-atomic="true"
      data-testid="scan-toast"
      data-severity={severity ?? undefined}
    >
      {current && (
        <>
          <div className="scan-toast-body">
            <div className="scan-toast-severity">
              {t(`scanning.severity.${severityOf(current)}`)}
            </div>
            {current.kind === 'scan' ? (
              <ScanDetails scan={current.scan} message={messageOf(current.scan, i18n.language)} />
            ) : (
              <div className="scan-toast-message">
                {t('scanning.notRecorded', { message: current.message })}
              </div>
            )}
          </div>
          <button
            type="button"
            className="scan-toast-close"
            aria-label={t('scanning.dismiss')}
            title={t('scanning.dismiss')}
            onClick={() => dismiss(current.id)}
          >
            ×
          </button>
        </>
      )}
    </div>
  );
}

function ScanDetails({ scan, message }: { scan: ScanResult; message: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="scan-toast-message">{message}</div>
      <div className="scan-toast-facts">
        {scan.gtin && <span>{t('scanning.gtin', { gtin: scan.gtin })}</span>}
        {scan.lot && <span>{t('scanning.lot', { lot: scan.lot })}</span>}
        {scan.duplicate && <em>{t('scanning.duplicate')}</em>}
      </div>
      <code className="scan-toast-data">{scan.data.replaceAll('\x1d', '⟨GS⟩')}</code>
    </>
  );
}
