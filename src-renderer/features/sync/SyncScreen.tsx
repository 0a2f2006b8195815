import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';

export function SyncScreen() {
  const { t } = useTranslation();
  const status = useCall('sync.status', {});
  const s = status.value;
  return (
    <section className="screen" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <ErrorBanner error={status.error} />
      {s && (
        <>
          {s.state === 'not-configured' && <p className="banner">{t('sync.notConfigured')}</p>}
          <dl className="facts">
            <dt>{t('sync.state')}</dt>
            <dd data-testid="sync-state">{s.state}</dd>
            <dt>{t('sync.pending')}</dt>
            <dd data-testid="sync-pending">{s.pendingEvents}</dd>
            <dt>{t('sync.lastSuccess')}</dt>
            <dd>
              {s.lastSuccessAt ? new Date(s.lastSuccessAt).toLocaleString() : t('sync.never')}
            </dd>
            <dt>{t('sync.lastError')}</dt>
            <dd>{s.lastError ?? t('common.none')}</dd>
            <dt>{t('sync.endpoint')}</dt>
            <dd>{s.endpoint ?? t('common.none')}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
