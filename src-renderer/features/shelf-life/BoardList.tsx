import { useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../src-shared/api/domain-shelf-life';
import { dueLabel, navigate, productName } from './board-model';
import { useRowViewport } from './row-viewport';

/** Every row is this tall, so the list never measures: 100,000 lots scroll as smoothly as 10. */
export const ROW_HEIGHT = 60;

export interface BoardListHandle {
  focus: () => void;
  scrollTo: (index: number) => void;
}

export const rowDomId = (lotId: string) => `board-row-${lotId}`;

/**
 * The lots on the board as a virtualised grid: only the rows in view are in the page. The grid
 * holds the focus; Up/Down/PageUp/PageDown/Home/End move the selection, Enter opens its actions.
 */
export function BoardList({
  rows,
  selected,
  onSelect,
  onOpen,
  label,
  empty,
  handle,
}: {
  rows: readonly BoardRow[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  label: string;
  /** What the list says when it has no rows. */
  empty: string;
  handle?: Ref<BoardListHandle>;
}) {
  const { t, i18n } = useTranslation();
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { viewport, snapshot } = useRowViewport(scrollRef, ROW_HEIGHT, rows.length);

  const scrollTo = (index: number) => viewport.scrollToIndex(index);
  useImperativeHandle(handle, () => ({
    focus: () => gridRef.current?.focus(),
    scrollTo,
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      if (selected >= 0) {
        e.preventDefault();
        onOpen(selected);
      }
      return;
    }
    const page = Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT);
    const next = navigate(e.key, selected, rows.length, page);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
    scrollTo(next);
  };

  // The active row must be in the page: a selection scrolled out of view is not announced.
  const selectedRow = snapshot.items.some((item) => item.index === selected)
    ? rows[selected]
    : undefined;
  return (
    <div
      ref={gridRef}
      className="board-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={8}
      aria-readonly="true"
      aria-activedescendant={selectedRow ? rowDomId(selectedRow.lotId) : undefined}
      tabIndex={0}
      data-testid="board-list"
      data-total={rows.length}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="board-head">
        <div role="row" aria-rowindex={1} className="board-cols">
          <span role="columnheader">{t('shelfLife.col.removal')}</span>
          <span role="columnheader">{t('shelfLife.col.product')}</span>
          <span role="columnheader">{t('shelfLife.col.lot')}</span>
          <span role="columnheader" className="num">
            {t('shelfLife.col.quantity')}
          </span>
          <span role="columnheader">{t('shelfLife.col.supplier')}</span>
          <span role="columnheader">{t('shelfLife.col.location')}</span>
          <span role="columnheader">{t('shelfLife.col.expiry')}</span>
          <span role="columnheader">{t('shelfLife.col.flags')}</span>
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="board-scroll">
        {rows.length === 0 && <p className="empty board-empty">{empty}</p>}
        <div className="board-canvas" style={{ height: snapshot.totalSize }}>
          {snapshot.items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const due = dueLabel(row.daysToRemoval);
            const isSelected = item.index === selected;
            return (
              <div
                key={item.key}
                id={rowDomId(row.lotId)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={`board-cols board-row group-${row.group}${isSelected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid="board-row"
                data-lot-id={row.lotId}
                data-group={row.group}
                onClick={() => {
                  onSelect(item.index);
                  gridRef.current?.focus();
                }}
                onDoubleClick={() => onOpen(item.index)}
              >
                <span role="gridcell" className="board-due">
                  <b>{row.removalDate}</b>
                  <span className={`due due-${row.group}`}>{t(due.key, { count: due.count })}</span>
                </span>
                <span role="gridcell" className="board-product">
                  <b title={productName(row, i18n.language)}>{productName(row, i18n.language)}</b>
                  <span className="sub">
                    {row.gtin}
                    {row.category ? ` · ${row.category}` : ''}
                  </span>
                </span>
                <span role="gridcell">
                  <code>{row.lot || t('common.none')}</code>
                </span>
                <span role="gridcell" className="num">
                  {row.quantity}
                </span>
                <span role="gridcell" className="clip" title={row.supplierName}>
                  {row.supplierName}
                </span>
                <span role="gridcell" className="clip" title={row.locationNote ?? undefined}>
                  {row.locationNote ?? t('common.none')}
                </span>
                <span role="gridcell">{row.expiry}</span>
                <span role="gridcell" className="board-flags">
                  {row.issueFirst && (
                    <span className="pill fefo" title={t('shelfLife.issueFirstHint')}>
                      {t('shelfLife.issueFirst')}
                    </span>
                  )}
                  {row.alerting && (
                    <span
                      className="pill alert-mark"
                      title={t('shelfLife.alertHint', { date: row.alertDate })}
                    >
                      {t('shelfLife.alert')}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
