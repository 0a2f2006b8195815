import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkuSummary } from '../../../src-shared/api/domain-master-data';
import { ErrorBanner } from '../../components/ErrorText';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { SkuForm } from './SkuForm';
import { useIsManager } from './format';

/** The SKUs this supplier delivers (from its deliveries); a manager edits one from here. */
export function SkusPanel({ supplierId }: { supplierId: string }) {
  const { t, i18n } = useTranslation();
  const manager = useIsManager();
  const skus = useCall('suppliers.skus', { supplierId });
  // null: no form; '': a new SKU; otherwise the SKU being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const zh = i18n.language === 'zh-CN';
  return (
    <section className="card" aria-labelledby="skus-title">
      <h2 id="skus-title">{t('suppliers.skus')}</h2>
      <p className="hint">{t('suppliers.skusHint')}</p>
      {saved && (
        <div className="banner" role="status">
          {t('suppliers.skuSaved', { name: saved })}
        </div>
      )}
      {manager && editing === null && (
        <button type="button" className="secondary" onClick={() => setEditing('')}>
          {t('suppliers.newSku')}
        </button>
      )}
      {editing !== null && (
        <SkuForm
          skuId={editing || null}
          onSaved={(name) => {
            setEditing(null);
            setSaved(name);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ErrorBanner error={skus.error} />
      <Table<SkuSummary>
        label={t('suppliers.skus')}
        rows={skus.value ?? []}
        rowKey={(k) => k.skuId}
        empty={t('suppliers.noSkus')}
        columns={[
          { key: 'gtin', header: t('inspection.gtin'), render: (k) => k.gtin },
          {
            key: 'name',
            header: t('inspection.product'),
            render: (k) => (zh ? (k.nameZh ?? k.name) : k.name),
          },
          { key: 'brand', header: t('suppliers.brand'), render: (k) => k.brand },
          { key: 'category', header: t('suppliers.category'), render: (k) => k.category },
          {
            key: 'life',
            header: t('suppliers.shelfLifeDays'),
            className: 'num',
            render: (k) => k.shelfLifeDays ?? t('common.none'),
          },
          ...(manager
            ? [
                {
                  key: 'edit',
                  header: t('suppliers.actions'),
                  render: (k: SkuSummary) => (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('suppliers.editSku', { name: k.name })}
                      onClick={() => {
                        setSaved(null);
                        setEditing(k.skuId);
                      }}
                    >
                      {t('suppliers.edit')}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
