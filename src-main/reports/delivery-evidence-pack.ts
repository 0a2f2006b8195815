/**
 * The evidence pack of a whole delivery: a summary page with every lot's decision and defect
 * counts, then each lot's pages exactly as in its own evidence pack (plan, results, photos, log
 * references), one lot after the other. One file to send a supplier or an auditor per truck.
 */
import { AppError } from '../api/app-error';
import type { Repos } from '../store/repos';
import type { PhotoStore } from '../vision/photo-store';
import { DECISION_LABEL, drawLotEvidence, orDash } from './evidence-pack';
import { evidencePackData } from './evidence-pack-data';
import type { EvidencePackData } from './evidence-pack-types';
import { formatLocalTime, ReportDocument } from './pdf-document';

export interface DeliveryPackData {
  stationId: string;
  /** ISO timestamp of printing. */
  generatedAt: string;
  delivery: {
    deliveryId: string;
    number: string;
    expectedDate: string;
    status: string;
    supplierName: string;
    supplierCode: string;
  };
  /** Every lot of the delivery in the order it was received, with its full pack data. */
  lots: EvidencePackData[];
}

/** Gathers the delivery and each of its lots with the lot pack's own loader; unknown: `not_found`. */
export function deliveryPackData(
  repos: Repos,
  deliveryId: string,
  options: { stationId: string; now?: Date },
): DeliveryPackData {
  const delivery = repos.deliveries.byId(deliveryId);
  const supplier = delivery ? repos.suppliers.byId(delivery.supplier_id) : undefined;
  if (!delivery || !supplier) throw new AppError('not_found', `No delivery with id ${deliveryId}.`);
  const now = options.now ?? new Date();
  return {
    stationId: options.stationId,
    generatedAt: now.toISOString(),
    delivery: {
      deliveryId,
      number: delivery.number,
      expectedDate: delivery.expected_date,
      status: delivery.status,
      supplierName: supplier.name,
      supplierCode: supplier.code,
    },
    lots: repos.lots
      .ofDelivery(deliveryId)
      .map((l) => evidencePackData(repos, l.lot_id, { stationId: options.stationId, now })),
  };
}

function summaryPage(report: ReportDocument, data: DeliveryPackData): void {
  const { delivery, lots } = data;
  report.heading('Delivery', '送货信息').fields(
    [
      ['Delivery 送货单号', delivery.number],
      ['Supplier 供应商', `${delivery.supplierName} (${delivery.supplierCode})`],
      ['Expected on 预计到货', delivery.expectedDate],
      ['Status 状态', delivery.status],
      ['Lots 批次数', String(lots.length)],
    ],
    170,
  );
  report.heading('Lots and decisions', '各批次判定');
  if (lots.length === 0) {
    report.paragraph('No lot was received with this delivery. 本次送货未收到任何批次。');
    return;
  }
  report.table(
    [
      { header: 'GTIN', width: 1.9 },
      { header: 'Product 商品', width: 2.3 },
      { header: 'Lot 批号', width: 1.3 },
      { header: 'Qty 数量', width: 1.1, align: 'right' },
      { header: 'n', width: 0.6, align: 'right' },
      { header: 'CR/MA/MI', width: 1.2, align: 'center' },
      { header: 'Decision 判定', width: 2.3 },
    ],
    lots.map((l) => {
      const i = l.inspection;
      const flags = [
        l.decision?.conditional ? 'conditional 有条件' : null,
        l.decision?.override ? 'override 推翻建议' : null,
      ].filter((f): f is string => f !== null);
      return [
        l.lot.gtin,
        orDash([l.lot.productName, l.lot.productNameZh].filter(Boolean).join(' / ')),
        l.lot.lotCode,
        String(l.lot.quantity),
        i ? String(i.sampleSize) : '—',
        i ? `${i.counts.critical}/${i.counts.major}/${i.counts.minor}` : '—',
        `${l.decision ? DECISION_LABEL[l.decision.decision] : 'Not decided 未判定'}${flags.length > 0 ? `\n${flags.join(', ')}` : ''}`,
      ];
    }),
  );
  report.paragraph(
    "Each lot's evidence follows on its own pages, with its photos and log references. 各批次证据（含照片及日志凭证）依次附后。",
    8.5,
    '#555555',
  );
}

/** Renders the delivery pack as one A4 PDF: the summary, then every lot's evidence. */
export async function renderDeliveryEvidencePack(
  data: DeliveryPackData,
  photos: PhotoStore,
): Promise<Buffer> {
  const { delivery } = data;
  const report = new ReportDocument({
    title: `Delivery evidence pack 送货检验证据包 ${delivery.number}`,
    subject: `Inspection evidence for the ${data.lots.length} lot(s) of delivery ${delivery.number}`,
    author: `Intake QC Station ${data.stationId}`,
    footer: `Delivery evidence pack · delivery ${delivery.number} · station ${data.stationId}`,
    createdAt: new Date(data.generatedAt),
  });
  report.title(
    'Delivery evidence pack',
    '送货检验证据包',
    `Intake QC Station · ${data.stationId}\nPrinted 打印 ${formatLocalTime(data.generatedAt)}`,
  );
  summaryPage(report, data);
  for (const [index, lot] of data.lots.entries()) {
    report.doc.addPage();
    report.heading(
      `Lot ${index + 1} of ${data.lots.length}: ${lot.lot.lotCode} (GTIN ${lot.lot.gtin})`,
      `批次 ${index + 1}/${data.lots.length}`,
    );
    await drawLotEvidence(report, lot, photos);
  }
  return report.finish();
}
