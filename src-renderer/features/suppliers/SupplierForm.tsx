import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api/contract';
import type { SupplierInput } from '../../../src-shared/api/domain-supplier-quality';
import { DOCUMENT_TYPES, type DocumentType } from '../../../src-shared/events/schemas';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useToday } from './format';

type SupplierDetail = CallOutput<'suppliers.get'>;
type Doc = SupplierInput['documents'][number];
type Audit = SupplierInput['audits'][number];
const RESULTS = ['passed', 'conditional', 'failed'] as const;

/**
 * A QC manager's edit of a supplier's master data, documents and audits included. The standing
 * is not here: it changes through the standing rules or a decision with a reason.
 */
export function SupplierForm({
  supplier,
  onSaved,
  onCancel,
}: {
  supplier: SupplierDetail | null;
  onSaved: (supplierId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const [code, setCode] = useState(supplier?.code ?? '');
  const [name, setName] = useState(supplier?.name ?? '');
  const [contact, setContact] = useState(supplier?.contact ?? '');
  const [sales, setSales] = useState(String(supplier?.cumulativeSalesCny ?? 0));
  const [documents, setDocuments] = useState<Doc[]>(supplier?.documents ?? []);
  const [audits, setAudits] = useState<Audit[]>(supplier?.audits ?? []);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const setDoc = (i: number, change: Partial<Doc>) =>
    setDocuments(documents.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const setAudit = (i: number, change: Partial<Audit>) =>
    setAudits(audits.map((a, j) => (j === i ? { ...a, ...change } : a)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const result = await api.call('suppliers.save', {
      ...(supplier ? { supplierId: supplier.supplierId } : {}),
      code,
      name,
      contact,
      cumulativeSalesCny: Number(sales),
      documents,
      audits,
    });
    setSaving(false);
    if (result.ok) onSaved(result.value.supplierId);
    else setError(result.error);
  };

  return (
    <form
      className="card supplier-form"
      aria-labelledby="supplier-form-title"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="supplier-form-title">
        {supplier ? t('suppliers.editTitle', { name: supplier.name }) : t('suppliers.newSupplier')}
      </h2>
      {!supplier && <p className="hint">{t('suppliers.newHint')}</p>}
      <div className="form-grid">
        <label htmlFor="sf-code">{t('suppliers.code')}</label>
        <input
          id="sf-code"
          required
          maxLength={32}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <label htmlFor="sf-name">{t('suppliers.name')}</label>
        <input
          id="sf-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor="sf-contact">{t('suppliers.contact')}</label>
        <input
          id="sf-contact"
          maxLength={200}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
        />
        <label htmlFor="sf-sales">{t('suppliers.sales')}</label>
        <input
          id="sf-sales"
          type="number"
          min={0}
          step="0.01"
          required
          value={sales}
          onChange={(e) => setSales(e.target.value)}
        />
      </div>

      <fieldset className="rows">
        <legend>{t('suppliers.documents')}</legend>
        {documents.map((d, i) => (
          <div className="row edit-row" key={i} data-testid="document-row">
            <select
              aria-label={t('suppliers.docType')}
              value={d.type}
              onChange={(e) => setDoc(i, { type: e.target.value as DocumentType })}
            >
              {DOCUMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`suppliers.docTypes.${type}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('suppliers.docNumber')}
              required
              maxLength={64}
              value={d.number}
              onChange={(e) => setDoc(i, { number: e.target.value })}
            />
            <input
              aria-label={t('suppliers.validUntil')}
              type="date"
              required
              className={d.validUntil < today ? 'expired' : undefined}
              value={d.validUntil}
              onChange={(e) => setDoc(i, { validUntil: e.target.value })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => setDocuments(documents.filter((_, j) => j !== i))}
            >
              {t('suppliers.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setDocuments([
              ...documents,
              { type: 'business-licence', number: '', validUntil: today },
            ])
          }
        >
          {t('suppliers.addDocument')}
        </button>
      </fieldset>

      <fieldset className="rows">
        <legend>{t('suppliers.audits')}</legend>
        {audits.map((a, i) => (
          <div className="row edit-row" key={i}>
            <input
              aria-label={t('suppliers.auditDate')}
              type="date"
              required
              value={a.date}
              onChange={(e) => setAudit(i, { date: e.target.value })}
            />
            <input
              aria-label={t('suppliers.auditor')}
              required
              maxLength={120}
              value={a.auditor}
              onChange={(e) => setAudit(i, { auditor: e.target.value })}
            />
            <input
              aria-label={t('suppliers.auditScore')}
              type="number"
              min={0}
              max={100}
              required
              className="narrow"
              value={a.score}
              onChange={(e) => setAudit(i, { score: Number(e.target.value) })}
            />
            <select
              aria-label={t('suppliers.result')}
              value={a.result}
              onChange={(e) =>
                setAudit(i, { result: RESULTS.find((r) => r === e.target.value) ?? 'passed' })
              }
            >
              {RESULTS.map((r) => (
                <option key={r} value={r}>
                  {t(`suppliers.auditResults.${r}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('suppliers.validUntil')}
              type="date"
              required
              value={a.validUntil}
              onChange={(e) => setAudit(i, { validUntil: e.target.value })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => setAudits(audits.filter((_, j) => j !== i))}
            >
              {t('suppliers.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setAudits([
              ...audits,
              { date: today, auditor: '', score: 80, result: 'passed', validUntil: today },
            ])
          }
        >
          {t('suppliers.addAudit')}
        </button>
      </fieldset>

      <ErrorBanner error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {t('suppliers.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
