import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../src-shared/api/domain-shelf-life';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { AlertList, ALERTS_SHOWN } from './AlertList';
import { BoardList, type BoardListHandle } from './BoardList';
import {
  filterRows,
  GROUP_FILTERS,
  inGroup,
  searchText,
  selectedIndex,
  type GroupFilter,
} from './board-model';
import { CategoryChart } from './CategoryChart';
import { CountTiles } from './CountTiles';
import { PullListButtons } from './PullListButtons';
import { RowActions, type Marked } from './RowActions';
import { useBoard } from './useBoard';

const NO_ROWS: readonly BoardRow[] = [];

/**
 * The shelf-life board: lots in stock that are overdue or leave sale within 30 days, in the
 * order to pull them (first expired, first out), with what to do about each.
 */
export function ShelfBoard() {
  const { t } = useTranslation();
  const board = useBoard();
  const [group, setGroup] = useState<GroupFilter>('all');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [lastIndex, setLastIndex] = useState(0);
  const [notice, setNotice] = useState<{ marked: Marked; undone: boolean } | null>(null);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const listRef = useRef<BoardListHandle>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const scrollPending = useRef<string | null>(null);

  const rows = board.value?.rows ?? NO_ROWS;
  const texts = useMemo(() => rows.map(searchText), [rows]);
  const filtered = useMemo(
    () => filterRows(rows, group, deferredQuery, texts),
    [rows, group, deferredQuery, texts],
  );
  const alerts = useMemo(() => rows.filter((r) => r.alerting), [rows]);
  const index = selectedIndex(filtered, selectedId, lastIndex);
  const selected = index >= 0 ? filtered[index] : undefined;

  // A lot picked from the alert list: scroll to it once the list shows it.
  useEffect(() => {
    const lotId = scrollPending.current;
    if (!lotId) return;
    const at = filtered.findIndex((r) => r.lotId === lotId);
    if (at < 0) return;
    scrollPending.current = null;
    listRef.current?.scrollTo(at);
    listRef.current?.focus();
  });

  const select = (i: number) => {
    const row = filtered[i];
    if (!row) return;
    setSelectedId(row.lotId);
    setLastIndex(i);
  };
  const openActions = () => {
    actionsRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
  };
  const pick = (lotId: string) => {
    const row = rows.find((r) => r.lotId === lotId);
    if (!row) return;
    if (!filtered.includes(row)) {
      if (!inGroup(row, group)) setGroup('all');
      setQuery('');
    }
    setSelectedId(lotId);
    scrollPending.current = lotId;
  };
  const onMarked = (marked: Marked) => {
    // The lot may leave the list: the row that takes its place is selected next.
    setLastIndex(Math.max(index, 0));
    setNotice({ marked, undone: false });
    setUndoError(null);
    listRef.current?.focus();
    void board.reload();
  };
  const undo = async (marked: Marked) => {
    const r = await api.call('shelfLife.mark', {
      lotId: marked.row.lotId,
      status: 'in-stock',
      ...(marked.status === 'moved' && marked.row.locationNote
        ? { locationNote: marked.row.locationNote }
        : {}),
    });
    if (!r.ok) return setUndoError(r.error);
    setUndoError(null);
    setNotice({ marked, undone: true });
    setSelectedId(marked.row.lotId);
    scrollPending.current = marked.row.lotId;
    void board.reload();
  };

  const chipCount = (g: GroupFilter): number | null => {
    const c = board.value?.counts;
    if (!c) return null;
    switch (g) {
      case 'all':
        return rows.length;
      case 'overdue':
        return c.overdue;
      case 'this-week':
        return c.thisWeek;
      case 'next-30-days':
        return c.next30Days;
      case 'alerting':
        return c.alerting;
    }
  };

  return (
    <div className="shelf-board">
      <div className="board-top">
        <CountTiles counts={board.value?.counts ?? null} />
        <PullListButtons />
      </div>
      <div className="row">
        <ExportCsvButton entity="lots" />
      </div>
      <ErrorBanner error={board.error} />
      <div className="row board-filters">
        <div className="row tight" role="group" aria-label={t('shelfLife.filter.label')}>
          {GROUP_FILTERS.map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={group === g}
              className={group === g ? 'chip active' : 'chip'}
              data-filter={g}
              onClick={() => setGroup(g)}
            >
              {t(`shelfLife.filter.${g}`)}
              {chipCount(g) !== null && <span className="chip-count">{chipCount(g)}</span>}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="board-search"
          aria-label={t('shelfLife.filter.search')}
          placeholder={t('shelfLife.filter.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="hint board-shown">
          {t('shelfLife.filter.shown', { shown: filtered.length, total: rows.length })}
        </span>
      </div>
      {notice && (
        <div className="banner board-notice" role="status">
          {t(
            notice.undone ? 'shelfLife.notice.undone' : `shelfLife.notice.${notice.marked.status}`,
            {
              lot: notice.marked.row.lot || notice.marked.row.gtin,
              location: notice.marked.locationNote ?? '',
            },
          )}
          {!notice.undone && notice.marked.status !== 'in-stock' && (
            <button type="button" className="secondary" onClick={() => void undo(notice.marked)}>
              {t('shelfLife.notice.undo')}
            </button>
          )}
        </div>
      )}
      <ErrorBanner error={undoError} />
      <RowActions
        key={selected?.lotId ?? ''}
        row={selected}
        panelRef={actionsRef}
        onMarked={onMarked}
        onClose={() => listRef.current?.focus()}
      />
      <div className="board-main">
        <BoardList
          handle={listRef}
          rows={filtered}
          selected={index}
          onSelect={select}
          onOpen={openActions}
          label={t('shelfLife.listLabel')}
          empty={
            board.value === null
              ? t('shelfLife.loading')
              : rows.length === 0
                ? t('shelfLife.empty')
                : t('shelfLife.noMatch')
          }
        />
        <div className="board-side">
          <AlertList
            rows={alerts.slice(0, ALERTS_SHOWN)}
            total={alerts.length}
            onPick={pick}
            onShowAll={() => {
              setGroup('alerting');
              setQuery('');
            }}
          />
          {board.value && (
            <CategoryChart byCategory={board.value.byCategory} counts={board.value.counts} />
          )}
        </div>
      </div>
    </div>
  );
}
