import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecallCriteria, RecallPreview } from '../../../src-shared/api/domain-complaints';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';

type Field = 'gtin' | 'lotFrom' | 'lotTo' | 'receivedFrom' | 'receivedTo';
const FIELDS: readonly Field[] = ['gtin', 'lotFrom', 'lotTo', 'receivedFrom', 'receivedTo'];

/** Criteria → the lots they match (preview) → a QC manager opens the recall. */
export function RecallWizard({ onOpened }: { onOpened: (recallId: string) => void }) {
  const { t } = useTranslation();
  const suppliers = useCall('suppliers.list', {}).value ?? [];
  const [supplierId, setSupplierId] = useState('');
  const [fields, setFields] = useState<Record<Field, string>>({
    gtin: '',
    lotFrom: '',
    lotTo: '',
    receivedFrom: '',
    receivedTo: '',
  });
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<RecallPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const criteria = (): RecallCriteria => {
    const c: RecallCriteria = {};
    if (supplierId) c.supplierId = supplierId;
    for (const f of FIELDS) {
      const v = fields[f].trim();
      if (v) c[f] = f === 'gtin' ? v.padStart(14, '0') : v;
    }
    return c;
  };
  const show = async () => {
    const r = await api.call('recalls.preview', criteria());
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(r.value);
  };
  const open = async () => {
    const r = await api.call('recalls.open', { reason, criteria: criteria() });
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(null);
    setReason('');
    onOpened(r.value.recallId);
  };

  return (
    <div className="recall-wizard" data-testid="recall-wizard">
      <h2>{t('complaints.recall.new')}</h2>
      <ErrorBanner error={error} />
      <div className="row">
        <label>
          {t('complaints.list.supplier')}
          <select
            id="recall-supplier"
            value={supplierId}
            onChange={(e) => {
              setSupplierId(e.target.value);
              setPreview(null);
            }}
          >
            <option value="">{t('complaints.recall.anySupplier')}</option>
            {suppliers.map((s) => (
              <option key={s.supplierId} value={s.supplierId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {FIELDS.map((f) => (
          <label key={f}>
            {t(`complaints.recall.${f}`)}
            <input
              id={`recall-${f}`}
              type={f.startsWith('received') ? 'date' : 'text'}
              value={fields[f]}
              onChange={(e) => {
                setFields({ ...fields, [f]: e.target.value });
                setPreview(null);
              }}
            />
          </label>
        ))}
      </div>
      <button type="button" onClick={() => void show()}>
        {t('complaints.recall.preview')}
      </button>
      {preview && (
        <>
          <p data-testid="recall-preview-summary">
            {t('complaints.recall.summary', {
              lots: preview.lots.length,
              hold: preview.toHold,
              quantity: preview.totalQuantity,
              deliveries: preview.deliveries,
            })}
          </p>
          <table className="recall-preview" aria-label={t('complaints.recall.previewTable')}>
            <thead>
              <tr>
                <th>{t('complaints.form.lot')}</th>
                <th>{t('complaints.list.product')}</th>
                <th>{t('complaints.list.supplier')}</th>
                <th>{t('complaints.recall.delivery')}</th>
                <th>{t('complaints.recall.receivedOn')}</th>
                <th>{t('complaints.recall.quantity')}</th>
                <th>{t('complaints.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.lots.map((l) => (
                <tr key={l.lotId} data-lot={l.lotId}>
                  <td>{l.lot}</td>
                  <td>{l.skuName ?? l.gtin}</td>
                  <td>{l.supplierName}</td>
                  <td>{l.deliveryNumber}</td>
                  <td>{l.receivedOn}</td>
                  <td>{l.quantity}</td>
                  <td>
                    {l.status} · {l.stockStatus}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label>
            {t('complaints.recall.reason')}
            <input id="recall-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            className="primary danger"
            disabled={preview.lots.length === 0}
            onClick={() => void open()}
          >
            {t('complaints.recall.open')}
          </button>
        </>
      )}
    </div>
  );
}
