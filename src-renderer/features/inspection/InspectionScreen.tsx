import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotSummary } from '../../../src-shared/api/domain-intake';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { useStation } from '../../store/station-store';
import { useLotColumns } from './lot-columns';
import { LotInspection } from './LotInspection';
import { TemplatesPanel } from './templates/TemplatesPanel';

type Tab = 'queue' | 'quota' | 'templates';

export function InspectionScreen() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const [tab, setTab] = useState<Tab>('queue');
  const [lotId, setLotId] = useState<string | null>(null);
  const queue = useCall('inspection.queue', {});
  const quota = useCall('inspection.quota', {});
  const recent = useCall('intake.lots', { limit: 50 });
  const columns = useLotColumns();
  const queueRows = (queue.value ?? []).map((q) => ({
    ...q.lot,
    inspectionStatus: q.inspectionStatus,
  }));

  if (lotId) {
    return (
      <section className="screen" aria-labelledby="inspection-title-h">
        <h1 id="inspection-title-h">{t('inspection.title')}</h1>
        <LotInspection lotId={lotId} onClose={() => setLotId(null)} />
      </section>
    );
  }
  return (
    <section className="screen" aria-labelledby="inspection-title-h">
      <h1 id="inspection-title-h">{t('inspection.title')}</h1>
      <div className="row" role="tablist" aria-label={t('inspection.title')}>
        {(['queue', 'quota', ...(role === 'inspector' ? [] : ['templates'])] as Tab[]).map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'chip active' : 'chip'}
            onClick={() => setTab(x)}
          >
            {t(`inspection.tab.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'queue' && (
        <>
          <h2>{t('inspection.awaiting')}</h2>
          <ErrorBanner error={queue.error} />
          <Table<LotSummary & { inspectionStatus: string }>
            label={t('inspection.awaiting')}
            rows={queueRows}
            rowKey={(l) => l.lotId}
            empty={t('inspection.none')}
            onSelect={(l) => setLotId(l.lotId)}
            columns={[
              ...columns,
              {
                key: 'progress',
                header: t('inspection.progress'),
                render: (l) => t(`inspection.progressState.${l.inspectionStatus}`),
              },
            ]}
          />
          <div className="row tight">
            <h2>{t('inspection.recent')}</h2>
            <ExportCsvButton entity="inspections" />
            <ExportCsvButton entity="decisions" />
          </div>
          <Table
            label={t('inspection.recent')}
            rows={(recent.value ?? []).filter(
              (l) => l.status === 'accepted' || l.status === 'rejected',
            )}
            rowKey={(l) => l.lotId}
            empty={t('inspection.none')}
            onSelect={(l) => setLotId(l.lotId)}
            columns={columns}
          />
        </>
      )}
      {tab === 'quota' && (
        <>
          <h2>{t('inspection.quotaTitle')}</h2>
          <ErrorBanner error={quota.error} />
          <Table
            label={t('inspection.quotaTitle')}
            rows={quota.value ?? []}
            rowKey={(q) => q.category}
            empty={t('inspection.none')}
            columns={[
              { key: 'category', header: t('inspection.category'), render: (q) => q.category },
              { key: 'week', header: t('inspection.week'), render: (q) => q.week },
              {
                key: 'done',
                header: t('inspection.quotaDone'),
                render: (q) => (
                  <span
                    className={q.done >= q.quota ? 'pill lot-accepted' : 'pill warn'}
                  >{`${q.done} / ${q.quota}`}</span>
                ),
                className: 'num',
              },
            ]}
          />
        </>
      )}
      {tab === 'templates' && <TemplatesPanel />}
    </section>
  );
}
