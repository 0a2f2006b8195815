import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api/contract';
import { Table } from '../../components/Table';
import { isExpired, useToday } from './format';

type SupplierDetail = CallOutput<'suppliers.get'>;

/** The supplier's papers and audits, each with its expiry; what has expired shows in red. */
export function DocumentsPanel({ supplier }: { supplier: SupplierDetail }) {
  const { t } = useTranslation();
  const today = useToday();
  const until = (date: string) =>
    isExpired(date, today) ? (
      <span className="expired">
        {date} ({t('suppliers.expired')})
      </span>
    ) : (
      date
    );
  return (
    <div className="panel-grid">
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('suppliers.documents')}</h2>
        <Table
          label={t('suppliers.documents')}
          rows={supplier.documents}
          rowKey={(d) => `${d.type}-${d.number}`}
          empty={t('suppliers.noDocuments')}
          columns={[
            {
              key: 'type',
              header: t('suppliers.docType'),
              render: (d) => t(`suppliers.docTypes.${d.type}`),
            },
            { key: 'number', header: t('suppliers.docNumber'), render: (d) => d.number },
            {
              key: 'until',
              header: t('suppliers.validUntil'),
              className: 'nowrap',
              render: (d) => <span data-testid={`doc-${d.type}`}>{until(d.validUntil)}</span>,
            },
          ]}
        />
      </section>
      <section aria-labelledby="audits-title">
        <h2 id="audits-title">{t('suppliers.audits')}</h2>
        <Table
          label={t('suppliers.audits')}
          rows={[...supplier.audits].reverse()}
          rowKey={(a) => `${a.date}-${a.auditor}`}
          empty={t('suppliers.noAudits')}
          columns={[
            {
              key: 'date',
              header: t('suppliers.auditDate'),
              className: 'nowrap',
              render: (a) => a.date,
            },
            { key: 'auditor', header: t('suppliers.auditor'), render: (a) => a.auditor },
            {
              key: 'score',
              header: t('suppliers.auditScore'),
              className: 'num',
              render: (a) => a.score,
            },
            {
              key: 'result',
              header: t('suppliers.result'),
              render: (a) => t(`suppliers.auditResults.${a.result}`),
            },
            {
              key: 'until',
              header: t('suppliers.validUntil'),
              className: 'nowrap',
              render: (a) => until(a.validUntil),
            },
          ]}
        />
      </section>
    </div>
  );
}
