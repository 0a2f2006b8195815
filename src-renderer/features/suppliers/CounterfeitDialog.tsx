import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PenaltyView, SupplierLot } from '../../../src-shared/api/domain-supplier-quality';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';

/**
 * A QC manager confirms that a rejected lot was counterfeit. The station then records the
 * confirmation, proposes the penalties the rules set and suspends the supplier, all at once.
 */
export function CounterfeitDialog({
  lot,
  onDone,
  onCancel,
}: {
  lot: SupplierLot;
  onDone: (penalties: PenaltyView[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await api.call('penalties.confirmCounterfeit', { lotId: lot.lotId, note });
    setBusy(false);
    if (result.ok) onDone(result.value.penalties);
    else setError(result.error);
  };

  return (
    <form
      className="card dialog counterfeit-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="counterfeit-title"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="counterfeit-title">
        {t('suppliers.counterfeitTitle', { lot: lot.lot || lot.lotId })}
      </h2>
      <p>{t('suppliers.counterfeitHint')}</p>
      <label htmlFor="counterfeit-note">{t('suppliers.counterfeitNote')}</label>
      <textarea
        id="counterfeit-note"
        ref={noteRef}
        required
        minLength={5}
        maxLength={1000}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <ErrorBanner error={error} />
      <div className="row">
        <button type="submit" className="primary danger" disabled={busy}>
          {t('suppliers.confirmCounterfeitAction')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
