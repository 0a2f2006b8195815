import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAMERA_RESOLUTIONS,
  defaultSettings,
  type CameraSettings,
} from '../../../src-shared/api/domain-settings';
import type { ApiError } from '../../../src-shared/api/result';
import { BARCODE_FORMAT_NAMES, type BarcodeFormatName } from '../../../src-shared/vision/formats';
import { ErrorBanner } from '../../components/ErrorText';
import { useStation } from '../../store/station-store';
import { useCamera } from '../photos/useCamera';
import { CameraStills } from './CameraStills';
import { CodeOverlay } from './CodeOverlay';
import { LastCameraRead } from './LastCameraRead';
import { useElementSize } from './useElementSize';
import { useLiveScan } from './useLiveScan';

/**
 * The live camera on the Intake screen: choose the camera and its frame size (kept in the
 * station's `camera` setting), see what it sees with an outline round every code it reads,
 * and send each new code into the scan pipeline like a handheld scanner. Stills taken here
 * are stored as photos and can be read by OCR. Opened, it starts the camera at once (the
 * browser asks for permission the first time only).
 */
export function CameraPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const saved = useStation((s) => s.settings?.camera) ?? defaultSettings.camera;
  const saveSettings = useStation((s) => s.saveSettings);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  // A change shows at once and is saved in order: two quick changes (camera, then frame size)
  // must not race, the second saving the first's old value.
  const [draft, setDraft] = useState<CameraSettings | null>(null);
  const latest = useRef<CameraSettings | null>(null);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const settings = draft ?? saved;
  const { videoRef, state, devices, start, stop, capture } = useCamera(
    { deviceId: settings.deviceId, resolution: settings.resolution },
    { scanning: settings.liveScan },
  );
  const scanning = state.status === 'on' && settings.liveScan;
  const { outline, reader, lastRead, stats } = useLiveScan(videoRef, scanning, settings.formats);
  const previewRef = useRef<HTMLDivElement | null>(null);
  const box = useElementSize(previewRef);

  // Opening the panel is the inspector's request for the camera.
  useEffect(() => {
    void start();
  }, [start]);

  const change = (changes: Partial<CameraSettings>) => {
    const next = { ...(latest.current ?? saved), ...changes };
    latest.current = next;
    setDraft(next);
    saving.current = saving.current.then(async () => {
      const error = await saveSettings({ camera: next });
      setSaveError(error);
      // Saved (or refused): the station's value shows again, unless a newer change is pending.
      if (latest.current === next) {
        latest.current = null;
        setDraft(null);
      }
    });
  };
  const toggleFormat = (format: BarcodeFormatName, on: boolean) => {
    const formats = BARCODE_FORMAT_NAMES.filter((f) =>
      f === format ? on : settings.formats.includes(f),
    );
    if (formats.length > 0) change({ formats });
  };

  const running = state.status === 'on';
  const close = () => {
    stop();
    onClose();
  };

  return (
    <section
      className="camera-panel card"
      aria-label={t('camera.title')}
      data-testid="camera-panel"
      data-state={state.status}
      data-reader={reader.state}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="row camera-controls">
        <label htmlFor="camera-device">{t('camera.device')}</label>
        <select
          id="camera-device"
          data-testid="camera-device"
          value={settings.deviceId ?? ''}
          onChange={(e) => change({ deviceId: e.target.value || null })}
        >
          <option value="">{t('camera.defaultDevice')}</option>
          {settings.deviceId && !devices.some((d) => d.deviceId === settings.deviceId) && (
            <option value={settings.deviceId}>{t('camera.missingDevice')}</option>
          )}
          {devices.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || t('camera.unnamed', { n: i + 1 })}
            </option>
          ))}
        </select>
        <label htmlFor="camera-resolution">{t('camera.resolution')}</label>
        <select
          id="camera-resolution"
          data-testid="camera-resolution"
          value={settings.resolution}
          onChange={(e) => {
            const resolution = CAMERA_RESOLUTIONS.find((r) => r === e.target.value);
            if (resolution) change({ resolution });
          }}
        >
          {CAMERA_RESOLUTIONS.map((r) => (
            <option key={r} value={r}>
              {r.replace('x', ' × ')}
            </option>
          ))}
        </select>
        <label className="camera-check">
          <input
            type="checkbox"
            data-testid="camera-live"
            checked={settings.liveScan}
            onChange={(e) => change({ liveScan: e.target.checked })}
          />
          {t('camera.liveScan')}
        </label>
        {running || state.status === 'starting' || state.status === 'lost' ? (
          <button type="button" className="secondary" onClick={stop} data-testid="camera-stop">
            {t('camera.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void start()}
            data-testid="camera-start"
          >
            {t('camera.start')}
          </button>
        )}
        <button type="button" className="secondary" onClick={close}>
          {t('camera.close')}
        </button>
      </div>
      <ErrorBanner error={saveError} />

      <div className="camera-preview" ref={previewRef}>
        <video
          ref={videoRef}
          autoPlay
          muted
          playsInline
          aria-label={t('camera.preview')}
          data-testid="camera-video"
        />
        {scanning && <CodeOverlay outline={outline} box={box} />}
        {state.status !== 'on' && (
          <p className="camera-preview-note" role="status" data-testid="camera-note">
            {state.status === 'starting' && t('camera.starting')}
            {state.status === 'off' && t('camera.off')}
            {state.status === 'lost' && t('camera.lost', { name: state.label || t('camera.it') })}
            {state.status === 'problem' && t('camera.problemShort')}
          </p>
        )}
      </div>

      {state.status === 'problem' && (
        <div className="banner banner-error" role="alert" data-testid="camera-problem">
          {t(`photos.camera.${state.problem}`, { message: state.detail })}
        </div>
      )}
      {state.status === 'lost' && (
        <div className="banner banner-error" role="alert" data-testid="camera-lost">
          {t('camera.lostHint')}
        </div>
      )}
      {reader.state === 'broken' && (
        <div className="banner banner-error" role="alert" data-testid="camera-reader-broken">
          {t('camera.readerBroken', { message: reader.message ?? '' })}
        </div>
      )}

      <p className="hint camera-reader" data-testid="camera-reader">
        {!settings.liveScan
          ? t('camera.liveOff')
          : !scanning
            ? t('camera.readerIdle')
            : reader.state === 'loading'
              ? t('camera.readerLoading')
              : t('camera.readerStats', {
                  ms: Math.round(stats.lastMs),
                  decoded: stats.decoded,
                  hard: stats.hard,
                })}
      </p>

      <LastCameraRead read={lastRead} />

      <CameraStills capture={capture} canCapture={running} lastRead={lastRead} />

      <details className="camera-formats">
        <summary>{t('camera.formats')}</summary>
        <div className="row">
          {BARCODE_FORMAT_NAMES.map((f) => (
            <label key={f} className="camera-check">
              <input
                type="checkbox"
                checked={settings.formats.includes(f)}
                disabled={settings.formats.length === 1 && settings.formats.includes(f)}
                onChange={(e) => toggleFormat(f, e.target.checked)}
              />
              {f}
            </label>
          ))}
        </div>
      </details>
    </section>
  );
}
