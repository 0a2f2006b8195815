import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PenaltyView, SupplierLot } from '../../../src-shared/api/domain-supplier-quality';
import { ErrorBanner } from '../../components/ErrorText';
import { Table } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { CounterfeitDialog } from './CounterfeitDialog';
import { formatCny, useIsManager } from './format';

/** The supplier's lots and how each fared; a manager confirms a rejected lot counterfeit here. */
export function LotsPanel({ supplierId }: { supplierId: string }) {
  const { t, i18n } = useTranslation();
  const manager = useIsManager();
  const lots = useCall('suppliers.lots', { supplierId, limit: 100 });
  const [confirming, setConfirming] = useState<SupplierLot | null>(null);
  const [proposed, setProposed] = useState<PenaltyView[] | null>(null);
  const zh = i18n.language === 'zh-CN';

  return (
    <section className="card" aria-labelledby="lots-title">
      <h2 id="lots-title">{t('suppliers.lots')}</h2>
      <ErrorBanner error={lots.error} />
      {proposed && (
        <div className="banner" role="status" data-testid="penalty-proposed">
          {proposed.length === 0
            ? t('suppliers.noPenaltyRule')
            : proposed.map((p) => (
                <div key={p.penaltyId}>
                  {t('suppliers.penaltyProposed', {
                    amount: formatCny(p.amountCny, i18n.language),
                  })}{' '}
                  <span className="reason">{p.basis}</span>
                </div>
              ))}
        </div>
      )}
      {confirming && (
        <CounterfeitDialog
          lot={confirming}
          onDone={(penalties) => {
            setConfirming(null);
            setProposed(penalties);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
      <Table<SupplierLot>
        label={t('suppliers.lots')}
        rows={lots.value ?? []}
        rowKey={(l) => l.lotId}
        empty={t('suppliers.noLots')}
        columns={[
          {
            key: 'received',
            header: t('inspection.received'),
            className: 'nowrap',
            render: (l) => l.receivedOn,
          },
          {
            key: 'product',
            header: t('inspection.product'),
            render: (l) => (zh ? (l.skuNameZh ?? l.skuName) : l.skuName) ?? l.gtin,
          },
          {
            key: 'lot',
            header: t('inspection.lot'),
            render: (l) => l.lot || t('inspection.noLot'),
          },
          {
            key: 'qty',
            header: t('inspection.quantity'),
            className: 'num',
            render: (l) => l.quantity,
          },
          {
            key: 'inspection',
            header: t('suppliers.defectsFound'),
            render: (l) =>
              l.inspection
                ? t('suppliers.defectCounts', {
                    critical: l.inspection.critical,
                    major: l.inspection.major,
                    minor: l.inspection.minor,
                    n: l.inspection.sampleSize,
                  })
                : t('common.none'),
          },
          {
            key: 'status',
            header: t('inspection.status'),
            render: (l) => (
              <>
                <span className={`pill lot-${l.status}`}>{t(`lotStatus.${l.status}`)}</span>{' '}
                {l.counterfeitConfirmed ? (
                  <span className="pill counterfeit">{t('suppliers.counterfeitConfirmed')}</span>
                ) : (
                  l.inspection?.counterfeitSuspected && (
                    <span className="pill warn">{t('suppliers.counterfeitSuspected')}</span>
                  )
                )}
                {l.decisionReason && <div className="hint">{l.decisionReason}</div>}
              </>
            ),
          },
          ...(manager
            ? [
                {
                  key: 'action',
                  header: t('suppliers.actions'),
                  render: (l: SupplierLot) =>
                    l.status === 'rejected' && !l.counterfeitConfirmed ? (
                      <button
                        type="button"
                        className="secondary danger"
                        onClick={() => {
                          setProposed(null);
                          setConfirming(l);
                        }}
                      >
                        {t('suppliers.confirmCounterfeit')}
                      </button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
