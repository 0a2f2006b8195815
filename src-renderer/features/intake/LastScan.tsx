import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../../src-shared/api/domain-intake';
import { useBilingual } from '../../components/useBilingual';

/** The last scan's result, large and in colour: what the inspector looks at after each beep. */
export function LastScan({ scan }: { scan: ScanResult | null }) {
  const { t, i18n } = useTranslation();
  const pick = useBilingual();
  if (!scan) return <div className="last-scan idle">{t('intake.noScanYet')}</div>;
  return (
    <div
      className={`last-scan ${scan.severity}`}
      role="status"
      data-testid="last-scan"
      data-outcome={scan.outcome}
    >
      <div className="last-scan-message">
        {i18n.language === 'zh-CN' ? scan.messageZh : scan.message}
      </div>
      <div className="last-scan-data">
        {scan.gtin && <span>GTIN {scan.gtin}</span>}
        {scan.lot && <span>LOT {scan.lot}</span>}
        {scan.units > 0 && <span>+{scan.units}</span>}
        <code>{scan.data.replaceAll('\x1d', '⟨GS⟩')}</code>
        {scan.duplicate && <em>{t('intake.duplicate')}</em>}
      </div>
      {scan.warnings.length > 0 && (
        <ul className="last-scan-warnings">
          {scan.warnings.map((w) => (
            <li key={w.en}>{pick(w)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
