import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { ErrorBanner } from '../../components/ErrorText';
import { PhotoThumbs } from '../photos';
import { LabelReader } from './LabelReader';
import { uploadStill } from './upload-still';
import type { CameraRead } from './useLiveScan';

/**
 * Stills from the live camera: each one stored on the station as a photo (`photos.upload`)
 * and shown as a thumbnail; the newest can be read by OCR and its printed dates compared with
 * the last barcode the camera read.
 */
export function CameraStills({
  capture,
  canCapture,
  lastRead,
}: {
  capture: () => Promise<Blob | null>;
  canCapture: boolean;
  lastRead: CameraRead | null;
}) {
  const { t } = useTranslation();
  const [stills, setStills] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await capture();
      if (!blob) return;
      const result = await uploadStill(blob);
      if (!result.ok) return setError(result.error);
      const sha = result.value.sha256;
      setStills((list) => [sha, ...list.filter((s) => s !== sha)]);
    } finally {
      setBusy(false);
    }
  };

  const newest = stills[0] ?? null;
  return (
    <div className="camera-stills" data-testid="camera-stills" data-count={stills.length}>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => void take()}
          disabled={!canCapture || busy}
          data-testid="camera-capture"
        >
          {t('camera.capture')}
        </button>
        <span className="hint" role="status" aria-live="polite">
          {busy ? t('photos.saving') : t('camera.stills', { count: stills.length })}
        </span>
      </div>
      <ErrorBanner error={error} />
      {stills.length > 0 && <PhotoThumbs photos={stills} />}
      {newest && <LabelReader key={newest} photo={newest} lastRead={lastRead} />}
    </div>
  );
}
