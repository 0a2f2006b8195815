import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopSettings } from '../../../src-shared/api/domain-desktop';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useStation } from '../../store/station-store';

/** Hands a zip the station built to the browser's (or Electron's) download. */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Desktop behaviour (kiosk, full screen, start at login: admins) and "Collect diagnostics"
 * (QC managers and admins). The desktop switches only act in the Electron app.
 */
export function DesktopPanel() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const settings = useStation((s) => s.settings);
  const mode = useStation((s) => s.info?.mode);
  const save = useStation((s) => s.saveSettings);
  const [draft, setDraft] = useState<DesktopSettings | null>(settings?.desktop ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (role !== 'admin' && role !== 'qc-manager') return null;

  const toggle = (key: keyof DesktopSettings, value: boolean) => {
    setStatus(null);
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  };
  const saveDesktop = async () => {
    if (!draft) return;
    const failure = await save({ desktop: draft });
    setError(failure);
    if (!failure) setStatus(t('desktop.saved'));
  };
  const collect = async () => {
    setBusy(true);
    setStatus(null);
    const r = await api.call('system.diagnostics', {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    download(r.value.fileName, r.value.zipBase64);
    setStatus(
      t('desktop.diagnosticsReady', { file: r.value.fileName, count: r.value.entries.length }),
    );
  };

  return (
    <section className="card" aria-labelledby="desktop-title">
      <h2 id="desktop-title">{t('desktop.title')}</h2>
      {role === 'admin' && draft && (
        <div className="form-grid">
          {mode !== 'electron' && <p className="span hint">{t('desktop.electronOnly')}</p>}
          <label htmlFor="desktop-kiosk">{t('desktop.kiosk')}</label>
          <input
            id="desktop-kiosk"
            type="checkbox"
            checked={draft.kiosk}
            onChange={(e) => toggle('kiosk', e.target.checked)}
          />
          <label htmlFor="desktop-fullscreen">{t('desktop.fullScreen')}</label>
          <input
            id="desktop-fullscreen"
            type="checkbox"
            checked={draft.fullScreen}
            onChange={(e) => toggle('fullScreen', e.target.checked)}
          />
          <label htmlFor="desktop-login">{t('desktop.startAtLogin')}</label>
          <input
            id="desktop-login"
            type="checkbox"
            checked={draft.startAtLogin}
            onChange={(e) => toggle('startAtLogin', e.target.checked)}
          />
          <div className="span row">
            <button type="button" onClick={() => void saveDesktop()}>
              {t('desktop.save')}
            </button>
          </div>
        </div>
      )}
      <p className="hint">{t('desktop.diagnosticsHint')}</p>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void collect()}>
          {busy ? t('desktop.collecting') : t('desktop.collectDiagnostics')}
        </button>
        {status && <span role="status">{status}</span>}
      </div>
      <ErrorBanner error={error} />
    </section>
  );
}
