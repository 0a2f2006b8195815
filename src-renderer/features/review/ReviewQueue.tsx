import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../../src-shared/api/domain-review';
import { Table, type Column } from '../../components/Table';
import { CsvButton } from './CsvButton';

const KIND_TONE: Record<ReviewItem['kind'], string> = {
  hold: 'pill lot-on-hold',
  conditional: 'pill warn',
  override: 'pill',
  complaint: 'pill lot-rejected',
  'shelf-life-proposal': 'pill warn',
};

/**
 * The queue, oldest first. Arrow keys move between rows, Enter opens the row's lot; coming
 * back from a lot page puts the focus on the row that was opened.
 */
export function ReviewQueue({
  items,
  today,
  overrideDays,
  focusKey,
  onOpen,
}: {
  items: readonly ReviewItem[];
  today: string;
  overrideDays: number;
  focusKey: string | null;
  onOpen: (item: ReviewItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const summaryOf = (i: ReviewItem) =>
    i18n.language === 'zh-CN' && i.summaryZh ? i.summaryZh : i.summary;

  useEffect(() => {
    if (!focusKey) return;
    const cell = box.current?.querySelector(`[data-review-key="${CSS.escape(focusKey)}"]`);
    cell?.closest('tr')?.focus();
  }, [focusKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...(box.current?.querySelectorAll<HTMLTableRowElement>('tr.selectable') ?? [])];
    const at = rows.findIndex((r) => r === document.activeElement);
    const next = rows[e.key === 'ArrowDown' ? Math.min(rows.length - 1, at + 1) : at - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  const columns: Column<ReviewItem>[] = [
    {
      key: 'kind',
      header: t('review.queue.kind'),
      render: (i) => (
        <span className={KIND_TONE[i.kind]} data-review-key={i.key} data-kind={i.kind}>
          {t(`review.kind.${i.kind}`)}
        </span>
      ),
    },
    {
      key: 'age',
      header: t('review.queue.age'),
      render: (i) => t('review.queue.days', { count: i.ageDays }),
      className: 'num',
    },
    { key: 'when', header: t('review.queue.when'), render: (i) => i.when },
    {
      key: 'lot',
      header: t('review.queue.lot'),
      render: (i) => (
        <>
          <b>{i.lot ?? '—'}</b> {i.skuName ?? i.gtin ?? ''}
          {i.category && <div className="hint">{i.category}</div>}
        </>
      ),
    },
    { key: 'supplier', header: t('review.queue.supplier'), render: (i) => i.supplierName ?? '—' },
    {
      key: 'delivery',
      header: t('review.queue.delivery'),
      render: (i) => (i.deliveryNumber ? <code>{i.deliveryNumber}</code> : '—'),
    },
    { key: 'why', header: t('review.queue.why'), render: summaryOf },
  ];

  const csvRows = () =>
    items.map((i) => [
      t(`review.kind.${i.kind}`),
      i.ageDays,
      i.when,
      i.lot,
      i.gtin,
      i.skuName,
      i.category,
      i.supplierName,
      i.deliveryNumber,
      summaryOf(i),
      i.by,
    ]);

  return (
    <section className="review-queue" aria-labelledby="review-queue-h" data-testid="review-queue">
      <div className="row">
        <h2 id="review-queue-h">{t('review.queue.title', { count: items.length })}</h2>
        <CsvButton
          testId="review-queue-csv"
          fileName={`review-queue-${today}.csv`}
          header={[
            t('review.queue.kind'),
            t('review.queue.ageDays'),
            t('review.queue.when'),
            t('review.queue.lot'),
            'GTIN',
            t('review.queue.product'),
            t('review.filters.category'),
            t('review.queue.supplier'),
            t('review.queue.delivery'),
            t('review.queue.why'),
            t('review.queue.by'),
          ]}
          rows={csvRows}
        />
      </div>
      <p className="hint">{t('review.queue.hint', { days: overrideDays })}</p>
      <div onKeyDown={onKeyDown} ref={box}>
        <Table<ReviewItem>
          label={t('review.queue.label')}
          rows={items}
          rowKey={(i) => i.key}
          empty={t('review.queue.empty')}
          onSelect={(i) => {
            if (i.lotId) onOpen(i);
          }}
          columns={columns}
        />
      </div>
    </section>
  );
}
