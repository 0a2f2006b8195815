import { useEffect, useState } from 'react';
import type { DeviceStatus } from '../../src-shared/api/domain-devices';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { CameraStatusItem } from '../features/camera';
import { useStation } from '../store/station-store';

export function StatusBar() {
  const { t } = useTranslation();
  const connected = useStation((s) => s.connected);
  const info = useStation((s) => s.info);
  const user = useStation((s) => s.user);
  const sync = useStation((s) => s.sync);
  const refreshSync = useStation((s) => s.refreshSync);
  const [scanners, setScanners] = useState<DeviceStatus[]>([]);

  useEffect(() => {
    void api.call('devices.status', {}).then((r) => {
      if (r.ok) setScanners(r.value.filter((d) => d.kind === 'scanner'));
    });
    return api.on('device.status', (status) => {
      if (status.kind !== 'scanner') return;
      setScanners((list) => [...list.filter((d) => d.device !== status.device), status]);
    });
  }, []);

  useEffect(() => {
    void refreshSync();
    const off = api.on('log.appended', () => void refreshSync());
    const offProgress = api.on('sync.progress', () => void refreshSync());
    return () => {
      off();
      offProgress();
    };
  }, [refreshSync]);

  const syncText = (() => {
    if (!sync) return '…';
    switch (sync.state) {
      case 'not-configured':
        return t('status.syncNotConfigured', { count: sync.pendingEvents });
      case 'idle':
        return t('status.syncIdle');
      case 'syncing':
        return t('status.syncSyncing');
      case 'offline':
        return t('status.syncOffline', { count: sync.pendingEvents });
      case 'error':
        return t('status.syncError');
    }
  })();

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className="status-item" data-status="scanner">
        <b>{t('status.scanner')}</b> {t('status.scannerWedge')}
      </span>
      {scanners.map((s) => (
        <span
          key={s.device}
          className={s.state === 'connected' ? 'status-item ok' : 'status-item bad'}
          data-status={`serial-${s.device}`}
          title={s.detail ?? undefined}
        >
          <b>{s.device}</b> {t(`status.serial.${s.state}`)}
        </span>
      ))}
      <CameraStatusItem />
      <span
        className={
          sync?.offlineAlarm || sync?.state === 'error' ? 'status-item bad' : 'status-item'
        }
        data-status="sync"
      >
        <b>{t('status.sync')}</b> {syncText}
      </span>
      <span className={connected ? 'status-item ok' : 'status-item bad'} data-status="station">
        <b>{t('status.station')}</b> {connected ? t('status.online') : t('status.offline')}
      </span>
      {info?.demo && <span className="status-item demo">{t('status.demo')}</span>}
      <span className="spacer" />
      {user && (
        <span className="status-item" data-status="user">
          {t('status.user', { name: user.name, role: t(`roles.${user.role}`) })}
        </span>
      )}
    </footer>
  );
}
