import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplierSummary } from '../../../src-shared/api/domain-master-data';
import { ErrorBanner } from '../../components/ErrorText';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { SupplierDetail } from './SupplierDetail';

export function SuppliersScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const suppliers = useCall('suppliers.list', search ? { search } : {});
  return (
    <section className="screen" aria-labelledby="suppliers-title">
      <h1 id="suppliers-title">{t('suppliers.title')}</h1>
      <label htmlFor="supplier-search" className="visually-hidden">
        {t('suppliers.search')}
      </label>
      <input
        id="supplier-search"
        placeholder={t('suppliers.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ErrorBanner error={suppliers.error} />
      <Table<SupplierSummary>
        label={t('suppliers.title')}
        rows={suppliers.value ?? []}
        rowKey={(s) => s.supplierId}
        empty={t('inspection.none')}
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
            key: 'audit',
            header: t('suppliers.audit'),
            render: (s) => (
              <>
                {s.auditValidUntil ?? t('common.none')}{' '}
                {s.auditExpired && <span className="pill warn">{t('suppliers.auditExpired')}</span>}
              </>
            ),
          },
          {
            key: 'docs',
            header: t('suppliers.documents'),
            render: (s) =>
              s.expiredDocuments.length > 0 ? (
                <span className="pill warn">
                  {t('suppliers.expiredDocs', { docs: s.expiredDocuments.join(', ') })}
                </span>
              ) : (
                (s.nextExpiry ?? t('common.none'))
              ),
          },
        ]}
      />
      {selected && <SupplierDetail supplierId={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}
