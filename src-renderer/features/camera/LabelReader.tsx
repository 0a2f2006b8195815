import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import type { LabelReadingView } from '../../../src-shared/api/domain-vision';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useStation } from '../../store/station-store';
import type { Agreement, DatesAndLot } from './label-compare';
import type { CameraRead } from './useLiveScan';

type Reading =
  | { state: 'idle' }
  | { state: 'reading' }
  | {
      state: 'read';
      reading: LabelReadingView;
      /** The barcode the camera read last, when the label was read (null: none yet). */
      barcode: DatesAndLot | null;
      agreement: { expiry: Agreement; lot: Agreement } | null;
    }
  | { state: 'failed'; error: ApiError };

const FIELDS = ['expiry', 'lot'] as const;

/**
 * "Read label" beside the newest still: the station reads the photo by OCR (`vision.readLabel`)
 * and the printed expiry and lot are shown next to the barcode's own (AI 17 and 10 of the last
 * code the camera read). A printed date that differs from the barcode's is a counterfeit signal.
 */
export function LabelReader({ photo, lastRead }: { photo: string; lastRead: CameraRead | null }) {
  const { t } = useTranslation();
  const today = useStation((s) => s.info?.today ?? '');
  const [reading, setReading] = useState<Reading>({ state: 'idle' });

  const readLabel = async () => {
    setReading({ state: 'reading' });
    const gtin = lastRead?.result?.gtin ?? undefined;
    const [result, compare] = await Promise.all([
      api.call('vision.readLabel', gtin ? { photo, gtin } : { photo }),
      // The GS1 engine is loaded when a label is first compared, not with every page.
      import('./label-compare'),
    ]);
    if (!result.ok) return setReading({ state: 'failed', error: result.error });
    const barcode = lastRead ? compare.barcodeFacts(lastRead.code.data, today) : null;
    setReading({
      state: 'read',
      reading: result.value,
      barcode,
      agreement: barcode ? compare.compareFacts(result.value, barcode) : null,
    });
  };

  return (
    <div className="camera-label" data-testid="camera-label">
      <button
        type="button"
        className="secondary"
        onClick={() => void readLabel()}
        disabled={reading.state === 'reading'}
        data-testid="camera-read-label"
      >
        {t('camera.readLabel')}
      </button>
      {reading.state === 'reading' && (
        <span className="hint" role="status">
          {t('camera.readingLabel')}
        </span>
      )}
      {reading.state === 'failed' && <ErrorBanner error={reading.error} />}
      {reading.state === 'read' && (
        <>
          <table className="camera-label-table" data-testid="camera-label-compare">
            <caption className="visually-hidden">{t('camera.labelTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('camera.labelTitle')}</th>
                <th scope="col">{t('camera.fromLabel')}</th>
                <th scope="col">{t('camera.fromBarcode')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {FIELDS.map((field) => {
                const agreement = reading.agreement?.[field] ?? null;
                return (
                  <tr key={field} data-field={field} data-agreement={agreement ?? 'no-barcode'}>
                    <th scope="row">{t(`camera.field.${field}`)}</th>
                    <td>{reading.reading[field] ?? '—'}</td>
                    <td>{reading.barcode?.[field] ?? '—'}</td>
                    <td className={agreement ?? undefined}>
                      {agreement ? t(`camera.agreement.${agreement}`) : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!reading.barcode && <p className="hint">{t('camera.noBarcodeYet')}</p>}
          {(reading.agreement?.expiry === 'differs' || reading.agreement?.lot === 'differs') && (
            <div className="banner banner-error" role="alert">
              {t('camera.labelDiffers')}
            </div>
          )}
          {reading.reading.warnings.length > 0 && (
            <ul className="hint">
              {reading.reading.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
