/**
 * Today's pull list: the lots that must leave sale today (their removal date has come), as a
 * printable PDF for the floor and as CSV for the store system. Overdue lots come first, then in
 * first-expiry-first-out order, as on the board.
 */
import { stringify } from 'csv-stringify/sync';
import type { BoardRow } from '../../src-shared/api/domain-shelf-life';
import { ReportDocument } from './pdf-document';

export interface PullListData {
  stationId: string;
  today: string;
  /** ISO timestamp of printing. */
  printedAt: string;
  rows: readonly BoardRow[];
}

const CSV_HEADER = [
  'removal_date',
  'days_overdue',
  'gtin',
  'sku',
  'sku_zh',
  'category',
  'lot',
  'quantity',
  'expiry',
  'supplier',
  'location',
  'received_on',
  'lot_id',
] as const;

/** RFC 4180 CSV with a header row, UTF-8 with a BOM so that spreadsheet programs read Chinese. */
export function renderPullListCsv(data: PullListData): Buffer {
  const body = stringify(
    data.rows.map((r) => [
      r.removalDate,
      Math.max(0, -r.daysToRemoval),
      r.gtin,
      r.skuName ?? '',
      r.skuNameZh ?? '',
      r.category ?? '',
      r.lot,
      r.quantity,
      r.expiry,
      r.supplierName,
      r.locationNote ?? '',
      r.receivedOn,
      r.lotId,
    ]),
    { header: true, columns: [...CSV_HEADER], record_delimiter: '\r\n' },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function renderPullListPdf(data: PullListData): Promise<Buffer> {
  const report = new ReportDocument({
    title: `Pull list 下架清单 ${data.today}`,
    subject: `Lots to pull from sale on ${data.today}`,
    author: `Intake QC Station ${data.stationId}`,
    footer: `Pull list · ${data.today} · station ${data.stationId}`,
    createdAt: new Date(data.printedAt),
  });
  report
    .title('Pull list', '下架清单', `${data.today} · ${data.stationId}`)
    .paragraph(
      `${data.rows.length} lot(s) must leave sale today. Tick each lot when it is off the shelf and sign below. ` +
        `今日应下架 ${data.rows.length} 个批次，下架后逐项勾选并签字。`,
    );
  if (data.rows.length === 0) {
    report.paragraph('Nothing to pull today. 今日无需下架。');
  } else {
    report.table(
      [
        { header: '', width: 0.4, align: 'center' },
        { header: 'Removal 下架日', width: 1.3 },
        { header: 'Product 商品', width: 3.2 },
        { header: 'Lot 批号', width: 1.3 },
        { header: 'Qty 数量', width: 0.8, align: 'right' },
        { header: 'Expiry 有效期', width: 1.3 },
        { header: 'Supplier 供应商', width: 2 },
        { header: 'Location 位置', width: 1.4 },
      ],
      data.rows.map((r) => [
        '□',
        r.daysToRemoval < 0 ? `${r.removalDate} (+${-r.daysToRemoval})` : r.removalDate,
        `${r.skuName ?? r.gtin}${r.skuNameZh ? `\n${r.skuNameZh}` : ''}`,
        r.lot || '—',
        String(r.quantity),
        r.expiry,
        r.supplierName,
        r.locationNote ?? '',
      ]),
    );
  }
  report.signatureLines(['Pulled by 下架人', 'Checked by 复核人']);
  return report.finish();
}
