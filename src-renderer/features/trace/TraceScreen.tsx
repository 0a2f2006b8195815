import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../src-shared/api/domain-log';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';

export function TraceScreen() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const [subjectDraft, setSubjectDraft] = useState('');
  const [subject, setSubject] = useState<string | undefined>(undefined);
  const [older, setOlder] = useState<LogEntry[]>([]);
  const [verdict, setVerdict] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const recent = useCall('log.recent', subject ? { subject, limit: 100 } : { limit: 100 });
  const rows = [...(recent.value ?? []), ...older];

  const loadOlder = async () => {
    const last = rows.at(-1);
    if (!last) return;
    const result = await api.call('log.recent', {
      beforeSeq: last.seq,
      limit: 100,
      ...(subject ? { subject } : {}),
    });
    if (result.ok) setOlder((o) => [...o, ...result.value]);
    else setError(result.error);
  };
  const verify = async () => {
    const result = await api.call('log.verify', {});
    if (!result.ok) return setError(result.error);
    const v = result.value;
    setVerdict(
      v.ok
        ? t('trace.verifyOk', { count: v.checked })
        : t('trace.verifyBad', { seq: v.firstBadSeq, problem: v.problem }),
    );
  };

  return (
    <section className="screen" aria-labelledby="trace-title">
      <h1 id="trace-title">{t('trace.title')}</h1>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setOlder([]);
          setSubject(subjectDraft.trim() || undefined);
        }}
      >
        <label htmlFor="trace-subject" className="visually-hidden">
          {t('trace.subject')}
        </label>
        <input
          id="trace-subject"
          placeholder={t('trace.subject')}
          value={subjectDraft}
          onChange={(e) => setSubjectDraft(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('trace.filter')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSubjectDraft('');
            setSubject(undefined);
            setOlder([]);
          }}
        >
          {t('trace.clear')}
        </button>
        {role !== 'inspector' && (
          <button type="button" className="secondary" onClick={() => void verify()}>
            {t('trace.verify')}
          </button>
        )}
      </form>
      {verdict && (
        <div className="banner" role="status">
          {verdict}
        </div>
      )}
      <ErrorBanner error={error ?? recent.error} />
      <h2>{t('trace.log')}</h2>
      <Table<LogEntry>
        label={t('trace.log')}
        rows={rows}
        rowKey={(e) => String(e.seq)}
        empty={t('inspection.none')}
        columns={[
          { key: 'seq', header: t('trace.seq'), render: (e) => e.seq, className: 'num' },
          {
            key: 'time',
            header: t('trace.time'),
            render: (e) => new Date(e.recordedAt).toLocaleString(),
          },
          { key: 'actor', header: t('trace.actor'), render: (e) => e.actorName ?? e.actor },
          { key: 'type', header: t('trace.type'), render: (e) => <code>{e.type}</code> },
          { key: 'summary', header: t('trace.summary'), render: (e) => e.summary },
          { key: 'signed', header: t('trace.signed'), render: (e) => (e.signed ? '✔' : '') },
        ]}
      />
      {rows.length > 0 && (
        <button type="button" className="secondary" onClick={() => void loadOlder()}>
          {t('trace.more')}
        </button>
      )}
    </section>
  );
}
