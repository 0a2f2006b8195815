import { useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow, StockStatus } from '../../../src-shared/api/domain-shelf-life';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { productName } from './board-model';

/** What was just done to a lot, so that it can be undone. */
export interface Marked {
  row: BoardRow;
  status: StockStatus;
  locationNote: string | null;
}

type Asking = 'moved' | 'in-stock' | null;

/**
 * What can be done with the selected lot: pulled from sale, sold out, moved (asks where to),
 * or where it is now (stays in stock). Escape goes back to the list.
 */
export function RowActions({
  row,
  panelRef,
  onMarked,
  onClose,
}: {
  row: BoardRow | undefined;
  panelRef: Ref<HTMLDivElement>;
  onMarked: (marked: Marked) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<Asking>(null);
  const [location, setLocation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (!row) {
    return (
      <div className="board-actions" ref={panelRef} data-testid="row-actions">
        <p className="hint">{t('shelfLife.actions.none')}</p>
      </div>
    );
  }

  const mark = async (status: StockStatus, locationNote?: string) => {
    setBusy(true);
    const r = await api.call('shelfLife.mark', {
      lotId: row.lotId,
      status,
      ...(locationNote ? { locationNote } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setAsking(null);
    setLocation('');
    onMarked({ row, status, locationNote: locationNote ?? null });
  };
  const ask = (what: Asking) => {
    setAsking(what);
    setLocation(what === 'in-stock' ? (row.locationNote ?? '') : '');
    setError(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const note = location.trim();
    if (asking && note) void mark(asking, note);
  };

  return (
    <div
      className="board-actions"
      ref={panelRef}
      data-testid="row-actions"
      role="group"
      aria-label={t('shelfLife.actions.title', { lot: row.lot })}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        if (asking) setAsking(null);
        else onClose();
      }}
    >
      <div className="board-actions-lot">
        <b>{productName(row, i18n.language)}</b>
        <span className="sub">
          {t('shelfLife.actions.lot', { lot: row.lot || t('common.none') })}
          {' · '}
          {t('shelfLife.actions.where', { location: row.locationNote ?? t('common.none') })}
        </span>
      </div>
      {asking ? (
        <form className="row tight" onSubmit={submit}>
          <label htmlFor="board-location">
            {asking === 'moved'
              ? t('shelfLife.actions.movedTo')
              : t('shelfLife.actions.locationNow')}
          </label>
          <input
            id="board-location"
            value={location}
            maxLength={120}
            required
            autoFocus
            placeholder={t('shelfLife.actions.locationPlaceholder')}
            onChange={(e) => setLocation(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy || !location.trim()}>
            {t('shelfLife.actions.save')}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <div className="row tight">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void mark('pulled')}
          >
            {t('shelfLife.actions.pulled')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void mark('sold-out')}
          >
            {t('shelfLife.actions.soldOut')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => ask('moved')}>
            {t('shelfLife.actions.moved')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => ask('in-stock')}
          >
            {t('shelfLife.actions.setLocation')}
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
