import { describe, expect, it } from 'vitest';
import type { BoardRow } from '../../../src-shared/api/domain-shelf-life';
import {
  dueLabel,
  filterRows,
  navigate,
  productName,
  queryTerms,
  searchText,
  selectedIndex,
} from './board-model';

function row(over: Partial<BoardRow> & { lotId: string }): BoardRow {
  return {
    gtin: '06920001000011',
    skuName: 'Fresh milk 1 L',
    skuNameZh: '鲜牛奶 1 升',
    category: 'dairy',
    lot: `L-${over.lotId}`,
    quantity: 24,
    supplierName: 'Clear Spring Beverages 清泉饮品',
    locationNote: null,
    receivedOn: '2026-01-02',
    expiry: '2026-02-01',
    removalDate: '2026-01-29',
    alertDate: '2026-01-26',
    group: 'this-week',
    daysToRemoval: 3,
    issueFirst: false,
    alerting: false,
    ...over,
  };
}

const rows: BoardRow[] = [
  row({ lotId: 'a', group: 'overdue', daysToRemoval: -3, alerting: true, issueFirst: true }),
  row({
    lotId: 'b',
    group: 'this-week',
    alerting: true,
    gtin: '06920002000028',
    skuName: 'Rice crackers',
    skuNameZh: '米饼',
    supplierName: 'Crunch Fox Snacks 脆狐食品',
    lot: 'RC-2201',
  }),
  row({ lotId: 'c', group: 'next-30-days', daysToRemoval: 20 }),
];

describe('filterRows', () => {
  it('keeps every row, in order, with no filter', () => {
    expect(filterRows(rows, 'all', '').map((r) => r.lotId)).toEqual(['a', 'b', 'c']);
  });

  it('filters by pull group and by alert', () => {
    expect(filterRows(rows, 'overdue', '').map((r) => r.lotId)).toEqual(['a']);
    expect(filterRows(rows, 'this-week', '').map((r) => r.lotId)).toEqual(['b']);
    expect(filterRows(rows, 'next-30-days', '').map((r) => r.lotId)).toEqual(['c']);
    expect(filterRows(rows, 'alerting', '').map((r) => r.lotId)).toEqual(['a', 'b']);
  });

  it('finds lots by SKU name in either language, lot, GTIN and supplier, case-insensitively', () => {
    expect(filterRows(rows, 'all', 'rice').map((r) => r.lotId)).toEqual(['b']);
    expect(filterRows(rows, 'all', '米饼').map((r) => r.lotId)).toEqual(['b']);
    expect(filterRows(rows, 'all', 'rc-22').map((r) => r.lotId)).toEqual(['b']);
    expect(filterRows(rows, 'all', '0692000200').map((r) => r.lotId)).toEqual(['b']);
    expect(filterRows(rows, 'all', 'CRUNCH fox').map((r) => r.lotId)).toEqual(['b']);
    expect(filterRows(rows, 'all', '清泉').map((r) => r.lotId)).toEqual(['a', 'c']);
  });

  it('needs every word and combines with the group', () => {
    expect(filterRows(rows, 'all', 'milk crunch')).toEqual([]);
    expect(filterRows(rows, 'overdue', 'milk').map((r) => r.lotId)).toEqual(['a']);
    expect(filterRows(rows, 'overdue', 'rice')).toEqual([]);
  });

  it('uses precomputed search texts when given', () => {
    const texts = rows.map(searchText);
    expect(filterRows(rows, 'all', '  milk  ', texts).map((r) => r.lotId)).toEqual(['a', 'c']);
  });

  it('splits a query into lower-case words', () => {
    expect(queryTerms('  Milk   L-A ')).toEqual(['milk', 'l-a']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('navigate', () => {
  it('moves one row with the arrows, clamped at both ends', () => {
    expect(navigate('ArrowDown', 4, 10, 5)).toBe(5);
    expect(navigate('ArrowUp', 4, 10, 5)).toBe(3);
    expect(navigate('ArrowDown', 9, 10, 5)).toBe(9);
    expect(navigate('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('moves a page with PageUp/PageDown, clamped', () => {
    expect(navigate('PageDown', 4, 100, 8)).toBe(12);
    expect(navigate('PageUp', 12, 100, 8)).toBe(4);
    expect(navigate('PageDown', 95, 100, 8)).toBe(99);
    expect(navigate('PageUp', 3, 100, 8)).toBe(0);
    expect(navigate('PageDown', 0, 100, 0)).toBe(1);
  });

  it('jumps to the ends with Home and End', () => {
    expect(navigate('Home', 50, 100_000, 8)).toBe(0);
    expect(navigate('End', 50, 100_000, 8)).toBe(99_999);
  });

  it('selects the first row (End: the last) when nothing is selected', () => {
    expect(navigate('ArrowDown', -1, 10, 5)).toBe(0);
    expect(navigate('ArrowUp', -1, 10, 5)).toBe(0);
    expect(navigate('PageDown', -1, 10, 5)).toBe(0);
    expect(navigate('End', -1, 10, 5)).toBe(9);
  });

  it('brings a selection left beyond a shrunken list back inside it', () => {
    expect(navigate('ArrowUp', 20, 10, 5)).toBe(8);
    expect(navigate('ArrowDown', 20, 10, 5)).toBe(9);
  });

  it('ignores other keys and empty lists', () => {
    expect(navigate('Enter', 3, 10, 5)).toBeNull();
    expect(navigate('a', 3, 10, 5)).toBeNull();
    expect(navigate('ArrowDown', -1, 0, 5)).toBeNull();
  });
});

describe('selectedIndex', () => {
  it('finds the selected lot', () => {
    expect(selectedIndex(rows, 'b', 0)).toBe(1);
  });

  it('falls back to the row that took its place when the lot left the list', () => {
    expect(selectedIndex(rows, 'gone', 1)).toBe(1);
    expect(selectedIndex(rows, 'gone', 7)).toBe(2);
    expect(selectedIndex(rows.slice(0, 1), 'gone', 1)).toBe(0);
  });

  it('is -1 with no selection or no rows', () => {
    expect(selectedIndex(rows, null, 1)).toBe(-1);
    expect(selectedIndex([], 'a', 0)).toBe(-1);
  });
});

describe('dueLabel', () => {
  it('says how many days overdue, today, tomorrow or in how many days', () => {
    expect(dueLabel(-3)).toEqual({ key: 'shelfLife.due.overdue', count: 3 });
    expect(dueLabel(-1)).toEqual({ key: 'shelfLife.due.overdueOne', count: 1 });
    expect(dueLabel(0)).toEqual({ key: 'shelfLife.due.today', count: 0 });
    expect(dueLabel(1)).toEqual({ key: 'shelfLife.due.tomorrow', count: 1 });
    expect(dueLabel(5)).toEqual({ key: 'shelfLife.due.inDays', count: 5 });
  });
});

describe('productName', () => {
  it('shows the Chinese name in Chinese and the English name otherwise', () => {
    const r = rows[0] as BoardRow;
    expect(productName(r, 'zh-CN')).toBe('鲜牛奶 1 升');
    expect(productName(r, 'en')).toBe('Fresh milk 1 L');
  });

  it('falls back to the other name, then the GTIN', () => {
    expect(productName(row({ lotId: 'x', skuNameZh: null }), 'zh-CN')).toBe('Fresh milk 1 L');
    expect(productName(row({ lotId: 'x', skuName: ' ' }), 'en')).toBe('鲜牛奶 1 升');
    expect(productName(row({ lotId: 'x', skuName: null, skuNameZh: null }), 'en')).toBe(
      '06920001000011',
    );
  });
});
