import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorText';
import { useStation } from '../../store/station-store';
import { CapaPanel } from './CapaPanel';
import { ComplaintForm } from './ComplaintForm';
import { ComplaintList } from './ComplaintList';
import { RecallList } from './RecallList';
import { RecallWizard } from './RecallWizard';
import { useCall } from '../../components/useCall';

type Tab = 'complaints' | 'capa' | 'recalls';
const TABS: readonly Tab[] = ['complaints', 'capa', 'recalls'];

/** Customer complaints traced to their lot, corrective actions with suppliers, and recalls. */
export function ComplaintsScreen() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const manager = role === 'qc-manager' || role === 'admin';
  const [tab, setTab] = useState<Tab>('complaints');
  const [selected, setSelected] = useState<string | null>(null);
  const complaints = useCall('complaints.list', {});
  const recalls = useCall('recalls.list', {});
  return (
    <section className="screen complaints-screen" aria-labelledby="complaints-title">
      <h1 id="complaints-title">{t('complaints.title')}</h1>
      <div className="row" role="tablist" aria-label={t('complaints.title')}>
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'chip active' : 'chip'}
            onClick={() => setTab(x)}
          >
            {t(`complaints.tab.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'complaints' && (
        <div className="complaints-layout">
          <ComplaintForm onRecorded={() => void complaints.reload()} />
          <ErrorBanner error={complaints.error} />
          <ComplaintList
            complaints={complaints.value ?? []}
            canDecide={manager}
            onChanged={() => void complaints.reload()}
          />
        </div>
      )}
      {tab === 'capa' && <CapaPanel canManage={manager} />}
      {tab === 'recalls' && (
        <div className="recalls-layout">
          {manager && (
            <RecallWizard
              onOpened={(recallId) => {
                setSelected(recallId);
                void recalls.reload();
              }}
            />
          )}
          <ErrorBanner error={recalls.error} />
          <RecallList
            recalls={recalls.value ?? []}
            canManage={manager}
            selected={selected}
            onSelect={setSelected}
            onChanged={() => void recalls.reload()}
          />
        </div>
      )}
    </section>
  );
}
