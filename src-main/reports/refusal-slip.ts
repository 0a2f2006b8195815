/**
 * The refusal slip: printed when the dock refuses a delivery from a blacklisted or suspended
 * supplier, handed to the driver and signed. It says what was refused, why (in English and
 * Chinese), by whom and when, and carries the log reference (seq + hash) that ties the paper to
 * the `delivery.refused` event in the tamper-evident log.
 */
import { formatLocalTime, ReportDocument } from './pdf-document';

export interface RefusalSlipLine {
  gtin: string;
  description: string;
  quantity: number;
  unit: string;
}

export interface RefusalSlipData {
  stationId: string;
  deliveryNumber: string;
  supplierCode: string;
  supplierName: string;
  standing: 'blacklisted' | 'suspended';
  reason: string;
  reasonZh: string;
  /** ISO timestamp of the refusal event. */
  refusedAt: string;
  inspectorName: string;
  eventSeq: number;
  eventHash: string;
  lines: RefusalSlipLine[];
}

const STANDING: Readonly<Record<RefusalSlipData['standing'], string>> = {
  blacklisted: 'Blacklisted 黑名单',
  suspended: 'Suspended 暂停供货',
};

/**
 * A SHA-256 hex hash in groups of eight, four groups a line, so that a person can compare it
 * with the Trace screen group by group.
 */
function groupedHash(hash: string): string {
  const groups = hash.match(/.{1,8}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines.join('\n');
}

export async function renderRefusalSlip(data: RefusalSlipData): Promise<Buffer> {
  const report = new ReportDocument({
    title: `Delivery refused 拒收通知 ${data.deliveryNumber}`,
    subject: `Refusal of delivery ${data.deliveryNumber} from ${data.supplierName}`,
    author: `Intake QC Station ${data.stationId}`,
    footer: `Refusal slip · ${data.deliveryNumber} · station ${data.stationId} · log seq ${data.eventSeq}`,
  });

  report
    .title('Delivery refused', '拒收通知', `Intake QC Station · ${data.stationId}`)
    .paragraph(
      'This delivery was refused at the receiving dock. The goods listed below were not received into stock.',
    )
    .paragraph('本批送货已在收货区被拒收，以下货物未入库。')
    .heading('Delivery', '送货信息')
    .fields([
      ['Delivery 送货单号', data.deliveryNumber],
      ['Supplier 供应商', `${data.supplierName} (${data.supplierCode})`],
      ['Supplier standing 供应商状态', STANDING[data.standing]],
      ['Refused at 拒收时间', formatLocalTime(data.refusedAt)],
      ['Inspector 检验员', data.inspectorName],
      ['Station 工作站', data.stationId],
    ])
    .heading('Reason', '拒收原因')
    .paragraph(data.reason, 12)
    .paragraph(data.reasonZh, 12)
    .heading('Expected lines', '预期货品');
  if (data.lines.length === 0) {
    report.paragraph('No lines were announced for this delivery. 本送货单无预期货品。');
  } else {
    report.table(
      [
        { header: '#', width: 0.5, align: 'right' },
        { header: 'GTIN', width: 2.3 },
        { header: 'Description 品名', width: 4.6 },
        { header: 'Quantity 数量', width: 1.5, align: 'right' },
        { header: 'Unit 单位', width: 1.1 },
      ],
      data.lines.map((line, i) => [
        String(i + 1),
        line.gtin,
        line.description,
        String(line.quantity),
        line.unit,
      ]),
    );
  }
  report
    .heading('Log reference', '日志凭证')
    .fields([
      ['Event seq 事件序号', String(data.eventSeq)],
      ['Event hash 事件哈希 (SHA-256)', groupedHash(data.eventHash)],
    ])
    .heading('Signatures', '签名')
    .paragraph(
      'Driver: I have received this slip and am taking the goods back. 司机：本人已收到此通知，并将货物带回。',
      9.5,
    )
    .signatureLines(['Driver 司机签名', 'Date 日期', 'Inspector 检验员签名']);

  return report.finish();
}
