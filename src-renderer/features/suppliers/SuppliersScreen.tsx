import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplierBoardRow } from '../../../src-shared/api/domain-supplier-quality';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { TREND_ARROWS, formatNumber, isExpired, useIsManager, useToday } from './format';
import { SupplierForm } from './SupplierForm';
import { SupplierPage } from './SupplierPage';

/** Every supplier at a glance: standing, score and trend, the next paper to expire. */
export function SuppliersScreen() {
  const { t, i18n } = useTranslation();
  const manager = useIsManager();
  const today = useToday();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const board = useCall('suppliers.board', search ? { search } : {});

  if (selected) return <SupplierPage supplierId={selected} onBack={() => setSelected(null)} />;

  const expiry = (date: string | null, label?: string) =>
    date === null ? (
      t('common.none')
    ) : (
      <span className={isExpired(date, today) ? 'expired' : undefined}>
        {label ? `${label} ` : ''}
        {date}
        {isExpired(date, today) && ` (${t('suppliers.expired')})`}
      </span>
    );

  return (
    <section className="screen" aria-labelledby="suppliers-title">
      <h1 id="suppliers-title">{t('suppliers.title')}</h1>
      <div className="row">
        <label htmlFor="supplier-search" className="visually-hidden">
          {t('suppliers.search')}
        </label>
        <input
          id="supplier-search"
          placeholder={t('suppliers.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {manager && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('suppliers.newSupplier')}
          </button>
        )}
        <ExportCsvButton entity="suppliers" />
      </div>
      {creating && (
        <SupplierForm
          supplier={null}
          onSaved={(id) => {
            setCreating(false);
            setSelected(id);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <ErrorBanner error={board.error} />
      <Table<SupplierBoardRow>
        label={t('suppliers.title')}
        rows={board.value ?? []}
        rowKey={(s) => s.supplierId}
        empty={t('suppliers.noSuppliers')}
        onSelect={(s) => setSelected(s.supplierId)}
        columns={[
          { key: 'code', header: t('suppliers.code'), render: (s) => s.code },
          { key: 'name', header: t('suppliers.name'), render: (s) => s.name },
          {
            key: 'standing',
            header: t('suppliers.standing'),
            render: (s) => (
              <span className={`pill standing-${s.standing}`}>{t(`standing.${s.standing}`)}</span>
            ),
          },
          {
            key: 'score',
            header: t('suppliers.score'),
            className: 'num',
            render: (s) => (
              <span data-testid={`score-${s.supplierId}`}>
                {s.score === null ? t('common.none') : formatNumber(s.score, i18n.language)}
                {s.trend && (
                  <span
                    className={`trend trend-${s.trend}`}
                    title={t(`suppliers.trend.${s.trend}`)}
                    aria-label={t(`suppliers.trend.${s.trend}`)}
                  >
                    {' '}
                    {TREND_ARROWS[s.trend]}
                  </span>
                )}
              </span>
            ),
          },
          {
            key: 'doc',
            header: t('suppliers.nextDocument'),
            render: (s) =>
              s.nextDocumentExpiry
                ? expiry(
                    s.nextDocumentExpiry.validUntil,
                    t(`suppliers.docTypes.${s.nextDocumentExpiry.type}`),
                  )
                : t('common.none'),
          },
          {
            key: 'audit',
            header: t('suppliers.nextAudit'),
            render: (s) => expiry(s.nextAuditExpiry),
          },
          {
            key: 'penalties',
            header: t('suppliers.openPenalties'),
            className: 'num',
            render: (s) =>
              s.openPenalties > 0 ? (
                <span className="pill warn">{s.openPenalties}</span>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
    </section>
  );
}
