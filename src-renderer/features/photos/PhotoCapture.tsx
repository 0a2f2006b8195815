import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useStation } from '../../store/station-store';
import type { CameraChoice } from '../camera/camera-choice';
import { bytesToBase64, refusalReason, tooLarge, type PhotoRefusalReason } from './photo-files';
import { PhotoThumbs } from './PhotoThumbs';
import { useCamera } from './useCamera';

type Notice =
  | { kind: 'error'; error: ApiError }
  | { kind: 'refused'; reason: PhotoRefusalReason; fileName: string | null }
  | { kind: 'duplicate' }
  | { kind: 'limit' };

export interface PhotoCaptureProps {
  /** Photos attached so far (SHA-256 of each), owned by the screen using this. */
  photos: readonly string[];
  /** Called with the new list after every change (a setState works as it is)… */
  onChange?: (photos: string[]) => void;
  /** …and/or once per photo added or removed. */
  onAdded?: (sha256: string) => void;
  onRemove?: (sha256: string) => void;
  /** Most photos this component lets the inspector attach (default 10). */
  max?: number;
  disabled?: boolean;
}

/**
 * Evidence photos for a unit or a check: "Take photo" opens a live camera preview and captures
 * stills; "Choose file" attaches pictures from disk. Every picture goes to the station
 * (`photos.upload`), which makes it upright, strips its metadata and answers its hash; the
 * screen keeps the hashes. Works with the keyboard alone: Tab to a button, Enter; Escape closes
 * the camera.
 */
export function PhotoCapture({
  photos,
  onChange,
  onAdded,
  onRemove,
  max = 10,
  disabled = false,
}: PhotoCaptureProps) {
  const { t } = useTranslation();
  // The camera chosen for this station (Intake → Camera), at full HD for evidence stills.
  const deviceId = useStation((s) => s.settings?.camera.deviceId ?? null);
  const stills = { deviceId, resolution: '1920x1080' } satisfies CameraChoice;
  // Destructured: the hook's object holds a ref, which render code must not read through.
  const { videoRef, state: cameraState, start, stop, capture } = useCamera(stills);
  const fileRef = useRef<HTMLInputElement | null>(null);
  const captureRef = useRef<HTMLButtonElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const full = photos.length >= max;
  // A camera unplugged mid-use keeps its place on screen, saying so, until it is back.
  const cameraOpen =
    cameraState.status === 'starting' ||
    cameraState.status === 'on' ||
    cameraState.status === 'lost';

  // Capture has focus whenever the camera runs, also after an upload (the button is disabled
  // while saving, which drops focus): Enter takes the next still, Escape closes the camera.
  useEffect(() => {
    if (cameraState.status === 'on' && !busy) captureRef.current?.focus();
  }, [cameraState.status, busy]);

  /** Uploads pictures one after the other, stopping at the first one the station refuses. */
  const upload = async (pictures: readonly { blob: Blob; fileName: string | null }[]) => {
    const attached = new Set(photos);
    setNotice(null);
    setBusy(true);
    try {
      for (const { blob, fileName } of pictures) {
        if (attached.size >= max) return setNotice({ kind: 'limit' });
        if (tooLarge(blob.size))
          return setNotice({ kind: 'refused', reason: 'too-large', fileName });
        const base64 = bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
        const result = await api.call(
          'photos.upload',
          fileName ? { base64, fileName } : { base64 },
        );
        if (!result.ok) {
          const reason = refusalReason(result.error);
          return setNotice(
            reason ? { kind: 'refused', reason, fileName } : { kind: 'error', error: result.error },
          );
        }
        // The same picture twice is one photo (the station names it by its content).
        if (attached.has(result.value.sha256)) setNotice({ kind: 'duplicate' });
        else {
          attached.add(result.value.sha256);
          onAdded?.(result.value.sha256);
          // From the set, not the prop: several files chosen at once are added one by one
          // before the screen re-renders with the new list.
          onChange?.([...attached]);
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = (sha256: string) => {
    onRemove?.(sha256);
    onChange?.(photos.filter((p) => p !== sha256));
  };

  const takeStill = async () => {
    const blob = await capture();
    if (blob) await upload([{ blob, fileName: null }]);
  };

  const chooseFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    // Cleared so that choosing the same file again fires a change.
    e.target.value = '';
    await upload(files.map((file) => ({ blob: file, fileName: file.name })));
  };

  const noticeText = (n: Notice): string | null => {
    switch (n.kind) {
      case 'refused':
        return n.fileName
          ? `${n.fileName}: ${t(`photos.refused.${n.reason}`)}`
          : t(`photos.refused.${n.reason}`);
      case 'duplicate':
        return t('photos.duplicate');
      case 'limit':
        return t('photos.limit', { max });
      case 'error':
        return null;
    }
  };

  return (
    <section className="photo-capture" aria-label={t('photos.title')}>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => void start()}
          disabled={disabled || busy || full || cameraOpen}
        >
          {t('photos.takePhoto')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => fileRef.current?.click()}
          disabled={disabled || busy || full}
        >
          {t('photos.chooseFile')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="image/*"
          multiple
          hidden
          tabIndex={-1}
          onChange={(e) => void chooseFiles(e)}
          data-testid="photo-file-input"
        />
        <span className="hint" role="status" aria-live="polite">
          {busy ? t('photos.saving') : t('photos.attached', { count: photos.length })}
        </span>
      </div>

      {cameraOpen && (
        <div
          className="photo-camera"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              stop();
            }
          }}
        >
          <video ref={videoRef} autoPlay muted playsInline aria-label={t('photos.cameraPreview')} />
          {cameraState.status === 'starting' && (
            <p className="hint">{t('photos.cameraStarting')}</p>
          )}
          {cameraState.status === 'lost' && (
            <p className="banner banner-error" role="alert">
              {t('camera.lostHint')}
            </p>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              ref={captureRef}
              onClick={() => void takeStill()}
              disabled={disabled || busy || full || cameraState.status !== 'on'}
            >
              {t('photos.capture')}
            </button>
            <button type="button" className="secondary" onClick={stop}>
              {t('photos.closeCamera')}
            </button>
          </div>
        </div>
      )}

      {cameraState.status === 'problem' && (
        <div className="banner banner-error" role="alert">
          {t(`photos.camera.${cameraState.problem}`, { message: cameraState.detail })}
        </div>
      )}
      {notice?.kind === 'error' && <ErrorBanner error={notice.error} />}
      {notice && notice.kind !== 'error' && (
        <div className="banner banner-error" role="alert">
          {noticeText(notice)}
        </div>
      )}

      <PhotoThumbs photos={photos} onRemove={remove} disabled={disabled || busy} />
    </section>
  );
}
