import type { BoardRow, PullGroup } from '../../../src-shared/api/domain-shelf-life';

/** What the board shows: every lot, one pull group, or the lots whose alert date has come. */
export type GroupFilter = 'all' | PullGroup | 'alerting';
export const GROUP_FILTERS: readonly GroupFilter[] = [
  'all',
  'overdue',
  'this-week',
  'next-30-days',
  'alerting',
];

/** The text a lot is found by: product names, lot, GTIN and supplier, lower-cased. */
export function searchText(row: BoardRow): string {
  return [row.skuName ?? '', row.skuNameZh ?? '', row.lot, row.gtin, row.supplierName]
    .join('\n')
    .toLowerCase();
}

/** Search words: lower-cased, split on spaces; a lot must contain every one of them. */
export function queryTerms(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/u).filter(Boolean);
}

export function inGroup(row: BoardRow, group: GroupFilter): boolean {
  if (group === 'all') return true;
  if (group === 'alerting') return row.alerting;
  return row.group === group;
}

/**
 * The lots the board lists, in the board's (FEFO) order. `texts` are the rows' search texts,
 * computed once per load so that typing stays quick with 100,000 lots.
 */
export function filterRows(
  rows: readonly BoardRow[],
  group: GroupFilter,
  query: string,
  texts: readonly string[] = rows.map(searchText),
): BoardRow[] {
  const terms = queryTerms(query);
  const out: BoardRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row || !inGroup(row, group)) continue;
    if (terms.length > 0) {
      const text = texts[i] ?? searchText(row);
      if (!terms.every((term) => text.includes(term))) continue;
    }
    out.push(row);
  }
  return out;
}

/**
 * The row a key moves the selection to in a list of `total` rows (`current` is -1 when nothing
 * is selected; `page` is how many rows fit in view), or null when the key does not move it.
 */
export function navigate(key: string, current: number, total: number, page: number): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  const step = Math.max(1, page);
  const keys = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'];
  if (!keys.includes(key)) return null;
  if (key === 'End') return last;
  if (key === 'Home' || current < 0) return 0;
  const from = Math.min(current, last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, from + 1);
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'PageDown':
      return Math.min(last, from + step);
    default:
      return Math.max(0, from - step);
  }
}

/**
 * Which listed row is selected: the selected lot where it is still listed; otherwise (it was
 * pulled, sold out or filtered away) the row that took its place; -1 when nothing is selected.
 */
export function selectedIndex(
  rows: readonly BoardRow[],
  lotId: string | null,
  lastIndex: number,
): number {
  if (lotId === null || rows.length === 0) return -1;
  const found = rows.findIndex((r) => r.lotId === lotId);
  if (found >= 0) return found;
  return Math.min(Math.max(lastIndex, 0), rows.length - 1);
}

/** The translation key and count for "3 days overdue", "today", "in 5 days". */
export function dueLabel(daysToRemoval: number): { key: string; count: number } {
  if (daysToRemoval < -1) return { key: 'shelfLife.due.overdue', count: -daysToRemoval };
  if (daysToRemoval === -1) return { key: 'shelfLife.due.overdueOne', count: 1 };
  if (daysToRemoval === 0) return { key: 'shelfLife.due.today', count: 0 };
  if (daysToRemoval === 1) return { key: 'shelfLife.due.tomorrow', count: 1 };
  return { key: 'shelfLife.due.inDays', count: daysToRemoval };
}

/** The product's name in the screen's language, falling back to the other name, then the GTIN. */
export function productName(row: BoardRow, language: string): string {
  const zh = row.skuNameZh?.trim() ?? '';
  const en = row.skuName?.trim() ?? '';
  return (language === 'zh-CN' ? zh || en : en || zh) || row.gtin;
}
