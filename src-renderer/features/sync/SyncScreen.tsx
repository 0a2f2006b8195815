import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRoundResult, SyncStatus } from '../../../src-shared/api/domain-sync';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';
import { DeadLetters } from './DeadLetters';
import { EnrollForm } from './EnrollForm';

function when(ms: number | null, never: string): string {
  return ms ? new Date(ms).toLocaleString() : never;
}

export function SyncScreen() {
  const { t } = useTranslation();
  const user = useStation((s) => s.user);
  const status = useCall('sync.status', {});
  const [live, setLive] = useState<SyncStatus | null>(null);
  const [round, setRound] = useState<SyncRoundResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Progress arrives as pushes during a round; between rounds the call's answer is the truth.
  useEffect(() => api.on('sync.progress', (s) => setLive(s)), []);
  const { reload } = status;
  useEffect(() => {
    if (live && live.state !== 'syncing') void reload();
  }, [live, reload]);
  const s = live?.state === 'syncing' ? live : (status.value ?? live);

  const syncNow = async () => {
    setBusy(true);
    setError(null);
    const r = await api.call('sync.now', {});
    setBusy(false);
    if (r.ok) setRound(r.value);
    else setError(r.error);
    void reload();
  };

  return (
    <section className="screen" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <ErrorBanner error={status.error ?? error} />
      {s && (
        <>
          {s.state === 'not-configured' && <p className="banner">{t('sync.notConfigured')}</p>}
          {s.offlineAlarm && (
            <p className="banner banner-error" role="alert" data-testid="sync-offline-alarm">
              {t('sync.offlineAlarm', { since: when(s.lastSuccessAt, t('sync.never')) })}
            </p>
          )}
          {s.eventsPaused && (
            <p className="banner banner-error" role="alert" data-testid="sync-paused">
              {t('sync.paused', { reason: s.eventsPaused })}
            </p>
          )}
          {s.state !== 'not-configured' && (
            <div className="sync-progress">
              <label htmlFor="sync-bar">
                {t('sync.progress', { acked: s.ackedSeq, head: s.headSeq })}
              </label>
              <progress id="sync-bar" max={Math.max(1, s.headSeq)} value={s.ackedSeq} />
            </div>
          )}
          <dl className="facts">
            <dt>{t('sync.state')}</dt>
            <dd data-testid="sync-state">{t(`sync.states.${s.state}`)}</dd>
            <dt>{t('sync.pending')}</dt>
            <dd data-testid="sync-pending">{s.pendingEvents}</dd>
            <dt>{t('sync.pendingPhotos')}</dt>
            <dd data-testid="sync-pending-photos">{s.pendingPhotos}</dd>
            <dt>{t('sync.throughput')}</dt>
            <dd>
              {s.eventsPerSecond === null
                ? t('common.none')
                : t('sync.perSecond', { rate: Math.round(s.eventsPerSecond) })}
            </dd>
            <dt>{t('sync.lastSuccess')}</dt>
            <dd data-testid="sync-last-success">{when(s.lastSuccessAt, t('sync.never'))}</dd>
            <dt>{t('sync.lastAttempt')}</dt>
            <dd>{when(s.lastAttemptAt, t('sync.never'))}</dd>
            <dt>{t('sync.lastError')}</dt>
            <dd data-testid="sync-last-error">{s.lastError ?? t('common.none')}</dd>
            <dt>{t('sync.endpoint')}</dt>
            <dd data-testid="sync-endpoint">{s.endpoint ?? t('common.none')}</dd>
          </dl>
          {s.state !== 'not-configured' && (
            <p>
              <button
                type="button"
                className="primary"
                disabled={busy || s.state === 'syncing'}
                onClick={() => void syncNow()}
              >
                {busy ? t('sync.syncing') : t('sync.now')}
              </button>
            </p>
          )}
          {round && (
            <p className="banner" data-testid="sync-round" role="status">
              {t('sync.roundDone', {
                events: round.uploadedEvents,
                photos: round.uploadedPhotos,
                changes: round.pulledChanges,
                acked: round.ackedSeq,
              })}
              {round.errors.length > 0 && ` ${round.errors.join(' · ')}`}
            </p>
          )}
          <DeadLetters
            letters={s.deadLetters}
            canResolve={user?.role === 'qc-manager' || user?.role === 'admin'}
            onResolved={() => void reload()}
          />
          {user?.role === 'admin' && (
            <EnrollForm enrolled={s.state !== 'not-configured'} onEnrolled={() => void reload()} />
          )}
        </>
      )}
    </section>
  );
}
