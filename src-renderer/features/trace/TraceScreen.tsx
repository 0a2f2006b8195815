import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotSummary } from '../../../src-shared/api/domain-intake';
import type { LogEntry } from '../../../src-shared/api/domain-log';
import { TRACE_QUERY_KINDS, type TraceQueryKind } from '../../../src-shared/api/domain-trace';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';
import { useLotColumns } from '../inspection/lot-columns';
import { useScanConsumer } from '../scanning/scan-consumers';
import { LotPage } from './LotPage';

type Tab = 'search' | 'log';
/**
 * The tab Alt+4 lands on. The event log, as before this screen had a search, so that the
 * browser tests written against it (foundation, wedge) still find it; a scan opens the search
 * tab with its lot whichever tab is shown.
 */
const FIRST_TAB: Tab = 'log';

/**
 * Trace: find lots (by lot code, GTIN, SSCC, serial, supplier, delivery, inspector or dates)
 * and open a lot's page; while this screen is shown, scanning a returned item opens its lot.
 * The event log and its verification are the second tab.
 */
export function TraceScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(FIRST_TAB);
  const [lotId, setLotId] = useState<string | null>(null);
  const [scanned, setScanned] = useState<{ data: string; lotIds: string[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // A scan (wedge or camera) is a question for this screen, not a count into a delivery.
  useScanConsumer(true, (data) => {
    void api.call('trace.fromScan', { data }).then((r) => {
      if (!r.ok) return setError(r.error);
      setError(null);
      setTab('search');
      setScanned({ data, lotIds: r.value.lotIds });
      if (r.value.lotIds[0]) setLotId(r.value.lotIds[0]);
    });
  });
  return (
    <section className="screen" aria-labelledby="trace-title">
      <h1 id="trace-title">{t('trace.title')}</h1>
      <div className="row" role="tablist" aria-label={t('trace.title')}>
        {(['search', 'log'] as const).map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'chip active' : 'chip'}
            data-testid={`trace-tab-${x}`}
            onClick={() => setTab(x)}
          >
            {t(`trace.tab.${x}`)}
          </button>
        ))}
      </div>
      <p className="hint">{t('trace.scanHint')}</p>
      <ErrorBanner error={error} />
      {scanned && (
        <div className="banner" role="status" data-testid="trace-scan-result">
          {scanned.lotIds.length === 0
            ? t('trace.scanNone', { data: scanned.data.replaceAll('\x1d', '<GS>') })
            : t('trace.scanFound', { count: scanned.lotIds.length })}
          {scanned.lotIds.length > 1 &&
            scanned.lotIds.map((id) => (
              <button key={id} type="button" className="chip" onClick={() => setLotId(id)}>
                {id}
              </button>
            ))}
        </div>
      )}
      {tab === 'search' &&
        (lotId ? (
          <LotPage lotId={lotId} onOpenLot={setLotId} onClose={() => setLotId(null)} />
        ) : (
          <LotSearch onOpen={setLotId} />
        ))}
      {tab === 'log' && <EventLog />}
    </section>
  );
}

function LotSearch({ onOpen }: { onOpen: (lotId: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TraceQueryKind>('lot');
  const [value, setValue] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [found, setFound] = useState<{ lots: LotSummary[]; truncated: boolean } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const lotColumns = useLotColumns();
  const columns = lotColumns.map((c) =>
    c.key === 'lot'
      ? {
          ...c,
          render: (l: LotSummary) => (
            <span data-testid="trace-result" data-lot-id={l.lotId}>
              {c.render(l)}
            </span>
          ),
        }
      : c,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call('trace.search', {
      kind,
      value,
      ...(kind === 'dates' && from ? { from } : {}),
      ...(kind === 'dates' && to ? { to } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setFound(r.value);
  };
  return (
    <>
      <form className="row trace-search" onSubmit={(e) => void submit(e)} role="search">
        <label htmlFor="trace-kind" className="visually-hidden">
          {t('trace.kindLabel')}
        </label>
        <select
          id="trace-kind"
          data-testid="trace-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as TraceQueryKind)}
        >
          {TRACE_QUERY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`trace.query.${k}`)}
            </option>
          ))}
        </select>
        {kind === 'dates' ? (
          <>
            <label htmlFor="trace-from">{t('trace.from')}</label>
            <input
              id="trace-from"
              type="date"
              data-testid="trace-from"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
            <label htmlFor="trace-to">{t('trace.to')}</label>
            <input
              id="trace-to"
              type="date"
              data-testid="trace-to"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </>
        ) : (
          <>
            <label htmlFor="trace-search" className="visually-hidden">
              {t('trace.searchLabel')}
            </label>
            <input
              id="trace-search"
              type="search"
              data-testid="trace-search-input"
              placeholder={t(`trace.placeholder.${kind}`)}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </>
        )}
        <button type="submit" className="primary" data-testid="trace-search-submit">
          {t('trace.search')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {found && (
        <div data-testid="trace-results">
          <div className="row tight">
            <h2>{t('trace.results', { count: found.lots.length })}</h2>
            <ExportCsvButton entity="lots" />
          </div>
          {found.truncated && <p className="hint">{t('trace.truncated')}</p>}
          <Table<LotSummary>
            label={t('trace.results', { count: found.lots.length })}
            rows={found.lots}
            rowKey={(l) => l.lotId}
            empty={t('trace.noResults')}
            onSelect={(l) => onOpen(l.lotId)}
            columns={columns}
          />
        </div>
      )}
    </>
  );
}

/** The event log, newest first, filtered by subject; managers and admins verify it here. */
function EventLog() {
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
    <div data-testid="trace-log">
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
    </div>
  );
}
