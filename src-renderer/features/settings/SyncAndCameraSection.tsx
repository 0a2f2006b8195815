import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAMERA_RESOLUTIONS,
  type CameraResolution,
  type StationSettings,
} from '../../../src-shared/api/domain-settings';
import type { ApiError } from '../../../src-shared/api/result';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';

/**
 * Settings › Head office and camera: how often to sync and when being offline raises the alarm
 * (managers and admins; the address comes from enrolling on the Sync screen), the camera's
 * frame size and live reading (anyone: it is this screen's camera), and where the rules live.
 */
export function SyncAndCameraSection() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const settings = useStation((s) => s.settings);
  const save = useStation((s) => s.saveSettings);
  const go = useStation((s) => s.go);
  const status = useCall('sync.status', {});
  const [sync, setSync] = useState<StationSettings['sync'] | null>(settings?.sync ?? null);
  const [camera, setCamera] = useState<StationSettings['camera'] | null>(settings?.camera ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  if (!sync || !camera) return null;
  const canEditSync = role === 'qc-manager' || role === 'admin';

  const submit = async () => {
    const failure = await save(canEditSync ? { sync, camera } : { camera });
    setError(failure);
    setSaved(!failure);
  };

  return (
    <section className="card" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{t('settings.syncCamera.title')}</h2>
      <div className="form-grid">
        <span>{t('settings.syncCamera.endpoint')}</span>
        <span>
          <code data-testid="settings-endpoint">
            {status.value?.endpoint ?? t('settings.syncCamera.notEnrolled')}
          </code>{' '}
          <button type="button" onClick={() => go('sync')}>
            {t('settings.syncCamera.openSync')}
          </button>
        </span>
        <label htmlFor="set-sync-interval">{t('settings.syncCamera.interval')}</label>
        <input
          id="set-sync-interval"
          type="number"
          min={5}
          max={3600}
          disabled={!canEditSync}
          value={sync.intervalSeconds}
          onChange={(e) => {
            setSaved(false);
            setSync({ ...sync, intervalSeconds: Number(e.target.value) });
          }}
        />
        <label htmlFor="set-sync-alarm">{t('settings.syncCamera.offlineAlarm')}</label>
        <input
          id="set-sync-alarm"
          type="number"
          min={1}
          max={10080}
          disabled={!canEditSync}
          value={sync.offlineAlarmMinutes}
          onChange={(e) => {
            setSaved(false);
            setSync({ ...sync, offlineAlarmMinutes: Number(e.target.value) });
          }}
        />
        <label htmlFor="set-camera-resolution">{t('settings.syncCamera.resolution')}</label>
        <select
          id="set-camera-resolution"
          value={camera.resolution}
          onChange={(e) => {
            setSaved(false);
            setCamera({ ...camera, resolution: e.target.value as CameraResolution });
          }}
        >
          {CAMERA_RESOLUTIONS.map((r) => (
            <option key={r} value={r}>
              {r.replace('x', ' × ')}
            </option>
          ))}
        </select>
        <label htmlFor="set-camera-live">{t('settings.syncCamera.liveScan')}</label>
        <input
          id="set-camera-live"
          type="checkbox"
          checked={camera.liveScan}
          onChange={(e) => {
            setSaved(false);
            setCamera({ ...camera, liveScan: e.target.checked });
          }}
        />
        <span>{t('settings.syncCamera.rules')}</span>
        <span className="row">
          <button type="button" onClick={() => go('shelfLife')}>
            {t('settings.syncCamera.shelfLifeRules')}
          </button>
          <button type="button" onClick={() => go('suppliers')}>
            {t('settings.syncCamera.supplierRules')}
          </button>
        </span>
        <div className="span row">
          <button type="button" className="primary" onClick={() => void submit()}>
            {t('settings.syncCamera.save')}
          </button>
          {saved && <span role="status">{t('settings.saved')}</span>}
        </div>
      </div>
      <ErrorBanner error={error} />
    </section>
  );
}
