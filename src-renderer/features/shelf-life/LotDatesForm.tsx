import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotSummary } from '../../../src-shared/api/domain-intake';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';

/**
 * The date a lot's barcode did not carry, typed from the label: the expiry (or best-before)
 * date, or the production date when that is all the label shows. `YYYY-MM-DD`, `YYYY-MM` and
 * `MM/YYYY` are accepted (a month alone means its last day). Scans never land in these fields.
 */
export function LotDatesForm({ lot, focus }: { lot: LotSummary; focus: boolean }) {
  const { t } = useTranslation();
  const [expiry, setExpiry] = useState('');
  const [production, setProduction] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) first.current?.focus();
  }, [focus]);
  const id = `dates-${lot.lotId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call('shelfLife.enterDates', {
      lotId: lot.lotId,
      ...(expiry.trim() ? { expiry: expiry.trim() } : {}),
      ...(production.trim() ? { production: production.trim() } : {}),
    });
    setError(r.ok ? null : r.error);
  };
  return (
    <form
      className="card lot-dates row"
      onSubmit={(e) => void submit(e)}
      aria-label={t('shelfDates.title', { lot: lot.lot || t('inspection.noLot') })}
      data-testid="lot-dates"
    >
      <b>
        {t('shelfDates.title', { lot: lot.lot || t('inspection.noLot') })} ·{' '}
        {lot.skuName ?? lot.gtin}
      </b>
      <label htmlFor={`${id}-expiry`}>{t('shelfDates.expiry')}</label>
      <input
        id={`${id}-expiry`}
        ref={first}
        value={expiry}
        placeholder={t('shelfDates.formats')}
        autoComplete="off"
        onChange={(e) => setExpiry(e.target.value)}
      />
      <label htmlFor={`${id}-production`}>{t('shelfDates.production')}</label>
      <input
        id={`${id}-production`}
        value={production}
        placeholder={t('shelfDates.formats')}
        autoComplete="off"
        onChange={(e) => setProduction(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!expiry.trim() && !production.trim()}>
        {t('shelfDates.save')}
      </button>
      <ErrorBanner error={error} />
    </form>
  );
}

/** A lot's shelf-life verdict as a pill, with the reason on hover and for screen readers. */
export function ShelfPill({ lot }: { lot: LotSummary }) {
  const { t, i18n } = useTranslation();
  const reason = lot.shelfReason
    ? i18n.language === 'zh-CN'
      ? lot.shelfReason.zh
      : lot.shelfReason.en
    : null;
  const cls = lot.shelf === 'ok' ? 'lot-accepted' : lot.shelf === 'short' ? 'lot-rejected' : 'warn';
  return (
    <span className={`pill ${cls}`} title={reason ?? undefined} data-shelf={lot.shelf}>
      {t(`shelfDates.state.${lot.shelf}`)}
      {lot.shelf === 'ok' && lot.removalDate
        ? ` · ${t('shelfDates.offSale', { date: lot.removalDate })}`
        : ''}
      {lot.shelf === 'short' && reason ? `: ${reason}` : ''}
    </span>
  );
}
