import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type StationSettings } from '../../../src-shared/api/domain-settings';
import type { ApiError } from '../../../src-shared/api/result';
import { ErrorBanner } from '../../components/ErrorText';
import { setLanguage } from '../../i18n';
import { useStation } from '../../store/station-store';
import { BackupSection } from './BackupSection';
import { DesktopPanel } from './DesktopPanel';
import { ScannersSection } from './ScannersSection';
import { SyncAndCameraSection } from './SyncAndCameraSection';
import { UsersPanel } from './UsersPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useStation((s) => s.settings);
  const info = useStation((s) => s.info);
  const isAdmin = useStation((s) => s.user?.role === 'admin');
  const save = useStation((s) => s.saveSettings);
  const loadSystem = useStation((s) => s.loadSystem);
  const [draft, setDraft] = useState<StationSettings | null>(settings);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  if (!draft) return null;

  const update = <K extends keyof StationSettings>(key: K, value: StationSettings[K]) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Only what this form edits: the sections below save their own keys, and sending the whole
    // draft would put back values they changed since this screen opened.
    const failure = await save({
      language: draft.language,
      sounds: draft.sounds,
      idleSignOutMinutes: draft.idleSignOutMinutes,
      wedgeMaxInterKeyMs: draft.wedgeMaxInterKeyMs,
      wedgeMinLength: draft.wedgeMinLength,
      wedgePrefix: draft.wedgePrefix,
      wedgeSuffix: draft.wedgeSuffix,
      wedgeGsSubstitute: draft.wedgeGsSubstitute,
    });
    setError(failure);
    if (!failure) {
      setSaved(true);
      await setLanguage(draft.language);
      await loadSystem();
    }
  };

  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <form className="card form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor="set-language">{t('settings.language')}</label>
        <select
          id="set-language"
          value={draft.language}
          onChange={(e) => update('language', e.target.value as StationSettings['language'])}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === 'en' ? 'English' : '简体中文'}
            </option>
          ))}
        </select>
        <label htmlFor="set-sounds">{t('settings.sounds')}</label>
        <input
          id="set-sounds"
          type="checkbox"
          checked={draft.sounds}
          onChange={(e) => update('sounds', e.target.checked)}
        />
        <label htmlFor="set-idle">{t('settings.idle')}</label>
        <input
          id="set-idle"
          type="number"
          min={1}
          max={240}
          value={draft.idleSignOutMinutes}
          onChange={(e) => update('idleSignOutMinutes', Number(e.target.value))}
        />
        <h2 className="span">{t('settings.wedge')}</h2>
        <label htmlFor="set-wedge-ms">{t('settings.wedgeInterval')}</label>
        <input
          id="set-wedge-ms"
          type="number"
          min={5}
          max={200}
          value={draft.wedgeMaxInterKeyMs}
          onChange={(e) => update('wedgeMaxInterKeyMs', Number(e.target.value))}
        />
        <label htmlFor="set-wedge-min">{t('settings.wedgeMinLength')}</label>
        <input
          id="set-wedge-min"
          type="number"
          min={1}
          max={100}
          value={draft.wedgeMinLength}
          onChange={(e) => update('wedgeMinLength', Number(e.target.value))}
        />
        <label htmlFor="set-wedge-prefix">{t('settings.wedgePrefix')}</label>
        <input
          id="set-wedge-prefix"
          maxLength={8}
          value={draft.wedgePrefix}
          onChange={(e) => update('wedgePrefix', e.target.value)}
        />
        <label htmlFor="set-wedge-suffix">{t('settings.wedgeSuffix')}</label>
        <select
          id="set-wedge-suffix"
          value={draft.wedgeSuffix}
          onChange={(e) => update('wedgeSuffix', e.target.value as StationSettings['wedgeSuffix'])}
        >
          <option value="Enter">Enter</option>
          <option value="Tab">Tab</option>
          <option value="none">—</option>
        </select>
        <label htmlFor="set-wedge-gs">{t('settings.wedgeGs')}</label>
        <input
          id="set-wedge-gs"
          maxLength={8}
          value={draft.wedgeGsSubstitute}
          onChange={(e) => update('wedgeGsSubstitute', e.target.value)}
        />
        <div className="span row">
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
          {saved && <span role="status">{t('settings.saved')}</span>}
        </div>
        <div className="span">
          <ErrorBanner error={error} />
        </div>
      </form>
      <ScannersSection />
      <SyncAndCameraSection />
      {isAdmin && <UsersPanel />}
      <BackupSection />
      <DesktopPanel />
      {info && (
        <section className="card">
          <h2>{t('settings.station')}</h2>
          <dl className="facts">
            <dt>{t('settings.stationId')}</dt>
            <dd>{info.stationId}</dd>
            <dt>{t('settings.version')}</dt>
            <dd>{info.softwareVersion}</dd>
            <dt>{t('settings.mode')}</dt>
            <dd>{info.mode}</dd>
            <dt>{t('settings.fingerprint')}</dt>
            <dd>
              <code>{info.publicKeyFingerprint}</code>
            </dd>
            <dt>{t('settings.events')}</dt>
            <dd>{info.eventCount}</dd>
            <dt>{t('settings.schema')}</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        </section>
      )}
    </section>
  );
}
