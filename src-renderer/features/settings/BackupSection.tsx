import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings, BackupStatus } from '../../../src-shared/api/domain-backup';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useStation } from '../../store/station-store';

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const when = (ms: number) => new Date(ms).toLocaleString();

/**
 * Settings › Backups: the daily backup's folder, hour and retention (an admin's), the last
 * backup and whether it verified, and "Back up now" (QC managers too). The station owns the
 * status; this screen asks for it and listens for `backup.status`.
 */
export function BackupSection() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const settings = useStation((s) => s.settings?.backup ?? null);
  const save = useStation((s) => s.saveSettings);
  const [draft, setDraft] = useState<BackupSettings | null>(settings);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const allowed = role === 'admin' || role === 'qc-manager';
  const isAdmin = role === 'admin';

  useEffect(() => {
    if (!allowed) return;
    void api.call('backup.status', {}).then((r) => {
      if (r.ok) setStatus(r.value);
    });
    return api.on('backup.status', setStatus);
  }, [allowed]);

  if (!allowed || !draft) return null;

  const update = <K extends keyof BackupSettings>(key: K, value: BackupSettings[K]) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await save({ backup: draft });
    setError(failure);
    setSaved(!failure);
    if (!failure) {
      const r = await api.call('backup.status', {});
      if (r.ok) setStatus(r.value);
    }
  };
  const backUpNow = async () => {
    if (status) setStatus({ ...status, running: true });
    const r = await api.call('backup.now', {});
    if (r.ok) setStatus(r.value);
    setError(r.ok ? null : r.error);
  };

  return (
    <section className="card" aria-labelledby="backup-title" data-testid="backup-section">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor="backup-enabled">{t('backup.enabled')}</label>
        <input
          id="backup-enabled"
          type="checkbox"
          disabled={!isAdmin}
          checked={draft.enabled}
          onChange={(e) => update('enabled', e.target.checked)}
        />
        <label htmlFor="backup-folder">{t('backup.folder')}</label>
        <input
          id="backup-folder"
          disabled={!isAdmin}
          maxLength={500}
          value={draft.folder ?? ''}
          placeholder={status ? t('backup.folderDefault', { folder: status.folder }) : ''}
          onChange={(e) => update('folder', e.target.value.trim() === '' ? null : e.target.value)}
        />
        <label htmlFor="backup-hour">{t('backup.hour')}</label>
        <input
          id="backup-hour"
          type="number"
          min={0}
          max={23}
          disabled={!isAdmin}
          value={draft.hour}
          onChange={(e) => update('hour', Number(e.target.value))}
        />
        <label htmlFor="backup-days">{t('backup.keepDays')}</label>
        <input
          id="backup-days"
          type="number"
          min={1}
          max={3650}
          disabled={!isAdmin}
          value={draft.keepDays}
          onChange={(e) => update('keepDays', Number(e.target.value))}
        />
        <label htmlFor="backup-copies">{t('backup.keepCopies')}</label>
        <input
          id="backup-copies"
          type="number"
          min={1}
          max={1000}
          disabled={!isAdmin}
          value={draft.keepCopies}
          onChange={(e) => update('keepCopies', Number(e.target.value))}
        />
        <div className="span row">
          {isAdmin ? (
            <button type="submit">{t('backup.save')}</button>
          ) : (
            <span>{t('backup.adminOnly')}</span>
          )}
          {saved && <span role="status">{t('backup.saved')}</span>}
        </div>
      </form>
      {status && (
        <dl className="facts">
          <dt>{t('backup.last')}</dt>
          <dd data-testid="backup-last">
            {status.last
              ? `${t('backup.lastValue', {
                  at: when(status.last.at),
                  size: formatBytes(status.last.bytes),
                  seq: status.last.headSeq,
                })}${status.last.verified ? ` · ${t('backup.verified')}` : ''}`
              : t('backup.none')}
          </dd>
          <dt>{t('backup.next')}</dt>
          <dd>{status.nextDueAt === null ? t('backup.disabled') : when(status.nextDueAt)}</dd>
          <dt>{t('backup.copies')}</dt>
          <dd>{status.copies}</dd>
        </dl>
      )}
      {status?.lastFailure && (
        <div className="banner banner-error" role="alert">
          {t('backup.failed', {
            at: when(status.lastFailure.at),
            message: status.lastFailure.message,
          })}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={status?.running === true}
          onClick={() => void backUpNow()}
        >
          {status?.running ? t('backup.running') : t('backup.now')}
        </button>
      </div>
      <ErrorBanner error={error} />
    </section>
  );
}
