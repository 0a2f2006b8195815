import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapaView } from '../../../src-shared/api/domain-complaints';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { useStation } from '../../store/station-store';
import { useCall } from '../../components/useCall';

/** Corrective actions: a QC manager opens one with a supplier, notes progress, verifies, closes. */
export function CapaPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const today = useStation((s) => s.info?.today ?? '');
  const { value: capas, error: loadError, reload } = useCall('capa.list', {});
  const suppliers = useCall('suppliers.list', {}).value ?? [];
  const [supplierId, setSupplierId] = useState('');
  const [complaintId, setComplaintId] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [actions, setActions] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);

  const done = (r: { ok: true } | { ok: false; error: ApiError }) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    void reload();
  };
  const open = async () => {
    const r = await api.call('capa.open', {
      ...(supplierId ? { supplierId } : {}),
      ...(complaintId.trim() ? { complaintId: complaintId.trim() } : {}),
      rootCause,
      actions: actions
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean),
      dueDate,
    });
    done(r);
    if (r.ok) {
      setRootCause('');
      setActions('');
      setComplaintId('');
    }
  };
  const step = async (a: CapaView, what: 'update' | 'verify-yes' | 'verify-no' | 'close') => {
    const text = note[a.capaId] ?? '';
    if (what === 'update') done(await api.call('capa.update', { capaId: a.capaId, note: text }));
    else if (what === 'close') done(await api.call('capa.close', { capaId: a.capaId, note: text }));
    else
      done(
        await api.call('capa.verify', {
          capaId: a.capaId,
          effective: what === 'verify-yes',
          note: text,
        }),
      );
  };

  return (
    <div className="capa-panel" data-testid="capa-panel">
      <ErrorBanner error={error ?? loadError} />
      <div className="row">
        <ExportCsvButton entity="capas" />
      </div>
      {canManage && (
        <form
          className="capa-form"
          onSubmit={(e) => {
            e.preventDefault();
            void open();
          }}
        >
          <h2>{t('complaints.capa.open')}</h2>
          <label>
            {t('complaints.list.supplier')}
            <select
              id="capa-supplier"
              value={supplierId}
              onChange={(e) => setSupplierId(e.target.value)}
            >
              <option value="">{t('complaints.capa.fromComplaint')}</option>
              {suppliers.map((s) => (
                <option key={s.supplierId} value={s.supplierId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('complaints.capa.complaintId')}
            <input
              id="capa-complaint"
              value={complaintId}
              onChange={(e) => setComplaintId(e.target.value)}
            />
          </label>
          <label>
            {t('complaints.capa.rootCause')}
            <textarea
              id="capa-root-cause"
              value={rootCause}
              onChange={(e) => setRootCause(e.target.value)}
            />
          </label>
          <label>
            {t('complaints.capa.actions')}
            <textarea
              id="capa-actions"
              value={actions}
              onChange={(e) => setActions(e.target.value)}
            />
          </label>
          <label>
            {t('complaints.capa.dueDate')}
            <input
              id="capa-due"
              type="date"
              min={today}
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
            />
          </label>
          <button type="submit" className="primary">
            {t('complaints.capa.openButton')}
          </button>
        </form>
      )}
      {capas?.length === 0 && <p className="empty">{t('complaints.capa.empty')}</p>}
      <ul className="capa-list">
        {capas?.map((a) => (
          <li key={a.capaId} data-capa={a.capaId} data-status={a.status}>
            <strong>{a.supplierName ?? a.supplierId}</strong> ·{' '}
            {t(`complaints.capa.status.${a.status}`)}
            {a.overdue && <span className="tag tag-danger">{t('complaints.capa.overdue')}</span>}
            <div>{a.rootCause}</div>
            <ol>
              {a.actions.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ol>
            <div className="hint">
              {t('complaints.capa.dueDate')}: {a.dueDate}
              {a.effective !== null &&
                ` · ${t(a.effective ? 'complaints.capa.effective' : 'complaints.capa.ineffective')}`}
            </div>
            {a.notes.map((n, i) => (
              <div key={i} className="hint">
                {n.on} · {t(`complaints.capa.note.${n.kind}`)} · {n.note}
              </div>
            ))}
            {canManage && a.status !== 'closed' && (
              <div className="row">
                <input
                  aria-label={t('complaints.capa.noteLabel')}
                  placeholder={t('complaints.capa.noteLabel')}
                  value={note[a.capaId] ?? ''}
                  onChange={(e) => setNote({ ...note, [a.capaId]: e.target.value })}
                />
                <button type="button" onClick={() => void step(a, 'update')}>
                  {t('complaints.capa.update')}
                </button>
                <button type="button" onClick={() => void step(a, 'verify-yes')}>
                  {t('complaints.capa.verifyEffective')}
                </button>
                <button type="button" onClick={() => void step(a, 'verify-no')}>
                  {t('complaints.capa.verifyIneffective')}
                </button>
                {a.status === 'verified' && (
                  <button type="button" onClick={() => void step(a, 'close')}>
                    {t('complaints.capa.close')}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
