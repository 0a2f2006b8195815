import { describe, expect, it } from 'vitest';
import type { BoardRow } from '../../src-shared/api/domain-shelf-life';
import { AlertNotifier, alertNotice, type AlertNotice } from './alert-notifier';

const row = (n: number, alerting = true): BoardRow => ({
  lotId: `lot-${n}`,
  gtin: '06920001000011',
  skuName: `Product ${n}`,
  skuNameZh: null,
  category: 'dairy',
  lot: `L${n}`,
  quantity: 10,
  supplierName: 'Northfield',
  locationNote: null,
  receivedOn: '2026-11-01',
  expiry: '2026-12-30',
  removalDate: '2026-12-10',
  alertDate: '2026-11-26',
  group: 'next-30-days',
  daysToRemoval: 12,
  issueFirst: true,
  alerting,
});

describe('shelf-life alert notices', () => {
  it('names up to three lots and counts the rest, in both languages', () => {
    const notice = alertNotice(
      [1, 2, 3, 4, 5].map((n) => row(n)),
      new Set(),
    );
    expect(notice?.title).toBe('Shelf-life alert 保质期预警: 5 lot(s) 个批次');
    expect(notice?.body.split('\n')).toEqual([
      'Product 1 L1 → 2026-12-10',
      'Product 2 L2 → 2026-12-10',
      'Product 3 L3 → 2026-12-10',
      '+2 more 另有 2 个批次',
    ]);
  });

  it('ignores lots that are not alerting', () => {
    expect(alertNotice([row(1, false)], new Set())).toBeNull();
  });

  it('tells about each lot once', () => {
    const shown: AlertNotice[] = [];
    let rows = [row(1)];
    const notifier = new AlertNotifier(
      () => rows,
      (n) => shown.push(n),
    );
    notifier.check();
    notifier.check();
    rows = [row(1), row(2)];
    notifier.check();
    expect(shown.map((n) => n.lotIds)).toEqual([['lot-1'], ['lot-2']]);
  });
});
