/**
 * The evidence pack of one lot: everything a supplier, an auditor or a court needs to see why a
 * lot was accepted, held or rejected, on paper. The delivery and the lot, the ISO 2859-1 plan the
 * sample was drawn with (and the seed that makes the carton choice reproducible), every unit's
 * result per check, the defect counts against Ac/Re, the station's proposal, the decision and the
 * manager's sign-off, the photos, and the log references (seq + SHA-256) that tie each of these
 * facts to the signed, hash-chained event log.
 *
 * Photos are embedded as the very JPEG files the station stores: a reader can extract one from
 * the PDF (e.g. `pdfimages -all`) and check its SHA-256 against the caption and the log.
 */
import type { DefectClass } from '../../src-shared/events/schemas-inspection';
import type { PhotoStore } from '../vision/photo-store';
import { drawPhotoAppendix, drawPhotoThumbnails, drawResultsMatrix } from './evidence-pack-pages';
import type {
  DecisionName,
  EvidenceInspection,
  EvidenceLogReference,
  EvidencePackData,
} from './evidence-pack-types';
import { formatLocalTime, ReportDocument } from './pdf-document';

export type * from './evidence-pack-types';

export const DECISION_LABEL: Readonly<Record<DecisionName, string>> = {
  accept: 'Accepted 接收',
  reject: 'Rejected 拒收',
  hold: 'On hold 暂扣待定',
};
const DECISION_COLOUR: Readonly<Record<DecisionName, string>> = {
  accept: '#15803d',
  reject: '#b91c1c',
  hold: '#b45309',
};
export const CLASS_LABEL: Readonly<Record<DefectClass, string>> = {
  critical: 'Critical 致命',
  major: 'Major 严重',
  minor: 'Minor 轻微',
};
const SEVERITY_LABEL: Readonly<Record<string, string>> = {
  normal: 'Normal 正常',
  tightened: 'Tightened 加严',
  reduced: 'Reduced 放宽',
};
const FORCED_LABEL: Readonly<Record<string, string>> = {
  probation: 'Supplier on probation 供应商试用期',
  'spot-check': 'Weekly spot check 每周抽查',
  manager: 'Requested by a QC manager 质量主管要求',
};
const CLASSES: readonly DefectClass[] = ['critical', 'major', 'minor'];

export const yesNo = (value: boolean) => (value ? 'Yes 是' : 'No 否');
export const orDash = (value: string | null | undefined) =>
  value && value.length > 0 ? value : '—';

/** A SHA-256 in groups of eight, so a person can compare it group by group. */
export function groupedHash(hash: string, perLine = 8): string {
  const groups = hash.match(/.{1,8}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine)
    lines.push(groups.slice(i, i + perLine).join(' '));
  return lines.join('\n');
}

/** "3, 7, 12 and 18 of 40 cartons" (1-based carton numbers as the inspector counts them). */
function cartonsText(cartons: readonly number[], of: number | null): string {
  if (cartons.length === 0) return '—';
  const list = [...cartons].sort((a, b) => a - b).join(', ');
  return of === null
    ? list
    : `${list} (${cartons.length} of ${of} cartons 共${of}箱中的${cartons.length}箱)`;
}

export function decisionBanner(report: ReportDocument, data: EvidencePackData): void {
  const { doc } = report;
  const decision = data.decision?.decision ?? null;
  const colour = decision ? DECISION_COLOUR[decision] : '#475569';
  const title = decision ? DECISION_LABEL[decision] : 'Not decided yet 尚未判定';
  const notes = [
    data.decision?.override ? "Override of the station's proposal 推翻系统建议" : null,
    data.decision?.conditional ? 'Conditional release 有条件放行' : null,
    data.inspection?.counterfeitSuspected ? 'Counterfeit suspected 疑似假冒' : null,
  ].filter((n): n is string => n !== null);
  const height = notes.length > 0 ? 58 : 40;
  report.ensureSpace(height + 8);
  const y = doc.y;
  doc.save().rect(report.left, y, report.contentWidth, height).fill(colour).restore();
  doc.fillColor('#ffffff').fontSize(18);
  report.text(`Decision 判定: ${title}`, report.left + 12, y + 9, {
    width: report.contentWidth - 24,
  });
  if (notes.length > 0) {
    doc.fontSize(10);
    report.text(notes.join(' · '), report.left + 12, y + 36, { width: report.contentWidth - 24 });
  }
  doc.fillColor('#000000');
  doc.y = y + height + 6;
  doc.x = report.left;
}

export function planSection(report: ReportDocument, inspection: EvidenceInspection): void {
  const plan = inspection.plan;
  report.heading('Sampling plan (ISO 2859-1)', '抽样方案');
  const rows: [string, string][] = [
    ['Inspection template 检验模板', orDash(inspection.templateName)],
    ['Inspector 检验员', inspection.inspectorName],
    [
      'Started / completed 开始 / 完成',
      `${orDash(inspection.startedOn)} / ${orDash(inspection.completedOn)}`,
    ],
    ['Severity 检验严格度', SEVERITY_LABEL[inspection.severity] ?? inspection.severity],
  ];
  if (plan) {
    rows.push(
      ['Inspection level 检验水平', plan.level],
      ['Code letter 样本量字码', plan.codeLetter],
      ['Lot size 批量', String(plan.lotSize)],
      [
        'Sample size n 样本量',
        `${plan.sampleSize}${plan.inspectAll ? ' (100 % inspection 全检)' : ''}`,
      ],
    );
  } else {
    rows.push(['Sample size n 样本量', String(inspection.sampleSize)]);
  }
  if (inspection.forced) {
    rows.push(['Inspection forced 强制检验', FORCED_LABEL[inspection.forced] ?? inspection.forced]);
  }
  rows.push(
    ['Random seed 随机种子', orDash(inspection.seed)],
    ['Cartons opened 开箱箱号', cartonsText(inspection.cartons, inspection.cartonCount)],
  );
  report.fields(rows, 170);
  if (!plan) {
    report.paragraph(
      'This inspection was recorded as a summary (defect counts only): no sampling plan or unit results were recorded at this station. 本次检验仅记录了汇总结果（缺陷数），本工作站无抽样方案及逐件结果记录。',
      9,
      '#555555',
    );
  }

  // The whole Ac/Re table (four short rows) stays on one page under its heading.
  report.ensureSpace(130);
  report.heading('Defective units against Ac/Re', '不合格品数与接收/拒收数');
  report.table(
    [
      { header: 'Class 缺陷类别', width: 2 },
      { header: 'AQL', width: 1.6, align: 'right' },
      { header: 'n', width: 0.8, align: 'right' },
      { header: 'Ac 接收数', width: 1.2, align: 'right' },
      { header: 'Re 拒收数', width: 1.2, align: 'right' },
      { header: 'Found 发现', width: 1.4, align: 'right' },
      { header: 'Result 结果', width: 2.4 },
    ],
    CLASSES.map((c) => {
      const found = inspection.counts[c];
      const cp = plan?.classes[c];
      if (!cp) return [CLASS_LABEL[c], '—', '—', '—', '—', String(found), '—'];
      const result =
        found >= cp.reject
          ? 'Reject (≥ Re) 拒收'
          : found <= cp.accept
            ? 'Accept (≤ Ac) 接收'
            : 'Between Ac and Re 介于之间';
      return [
        CLASS_LABEL[c],
        cp.aql === null ? 'zero 零容忍' : String(cp.aql),
        String(cp.sampleSize),
        String(cp.accept),
        String(cp.reject),
        String(found),
        result,
      ];
    }),
  );
}

export function decisionSection(report: ReportDocument, data: EvidencePackData): void {
  const inspection = data.inspection;
  const decision = data.decision;
  report.heading('Proposal and decision', '系统建议与判定');
  const rows: [string, string][] = [
    ['Station proposal 系统建议', inspection?.proposal ? DECISION_LABEL[inspection.proposal] : '—'],
  ];
  if (inspection && inspection.reasons.length > 0) {
    rows.push(['Why 依据', inspection.reasons.join('\n')]);
  }
  if (decision) {
    rows.push(
      ['Decision 判定', DECISION_LABEL[decision.decision]],
      ['Reason 理由', decision.reason],
      ['Decided on 判定日期', decision.decidedOn],
      ['Decided by 判定人', decision.decidedBy],
      ['Override 推翻建议', yesNo(decision.override)],
      ['Conditional 有条件放行', yesNo(decision.conditional)],
    );
  } else {
    rows.push(['Decision 判定', 'Not decided yet 尚未判定']);
  }
  report.fields(rows, 170);

  report.heading('Manager sign-off', '主管签核');
  if (decision?.signOff) {
    report.fields(
      [
        ['Signed by 签核人', `${decision.signOff.name} (${decision.signOff.userId})`],
        ['Signed at 签核时间', formatLocalTime(decision.signOff.at)],
        ['Meaning 签核含义', decision.signOff.meaning],
      ],
      170,
    );
  } else {
    report.paragraph(
      decision
        ? "No sign-off was needed: the decision follows the station's proposal. 判定与系统建议一致，无需主管签核。"
        : 'No decision has been recorded yet. 尚未记录判定。',
      10,
      '#555555',
    );
  }
}

const EVENT_LABEL: Readonly<Record<string, string>> = {
  'lot.received': 'Lot received 批次收货',
  'inspection.started': 'Inspection started 开始检验',
  'inspection.unit-recorded': 'Unit recorded 单件记录',
  'inspection.completed': 'Inspection completed 检验完成',
  'lot.decided': 'Lot decided 批次判定',
  'lot.returned': 'Returned to supplier 退回供应商',
  'counterfeit.confirmed': 'Counterfeit confirmed 确认假冒',
  'penalty.proposed': 'Penalty proposed 建议罚款',
};

export function logSection(report: ReportDocument, refs: readonly EvidenceLogReference[]): void {
  report.heading('Log references', '日志凭证');
  report.paragraph(
    `Each fact above is an event in the station's signed, hash-chained log. Compare these hashes with the Trace screen or with "qcs log verify". 以上每项事实均为工作站签名哈希链日志中的事件，可在追溯界面或用 qcs log verify 核对。`,
    8.5,
    '#555555',
  );
  report.doc.moveDown(0.3);
  report.table(
    [
      { header: 'Seq 序号', width: 0.8, align: 'right' },
      { header: 'Event 事件', width: 2.3 },
      { header: 'Recorded 记录时间', width: 2.7 },
      { header: 'SHA-256', width: 4.2 },
    ],
    refs.map((r) => [
      String(r.seq),
      `${EVENT_LABEL[r.type] ?? r.type}${r.detail ? `: ${r.detail}` : ''}`,
      formatLocalTime(r.recordedAt),
      groupedHash(r.hash, 4),
    ]),
    8,
  );
}

/** The delivery and lot facts, as label/value rows (the pack and the certificate print them). */
export function deliveryAndLotFields(report: ReportDocument, data: EvidencePackData): void {
  const lot = data.lot;
  report.heading('Delivery', '送货信息').fields(
    [
      ['Delivery 送货单号', data.delivery.number],
      ['Supplier 供应商', `${data.delivery.supplierName} (${data.delivery.supplierCode})`],
      ['Expected on 预计到货', data.delivery.expectedDate],
    ],
    170,
  );
  const product = [lot.productName, lot.productNameZh].filter(Boolean).join(' / ');
  report.heading('Lot', '批次信息').fields(
    [
      ['GTIN', lot.gtin],
      ['Product 商品', orDash(product)],
      ['Brand 品牌', orDash(lot.brand)],
      ['Lot 批号', lot.lotCode],
      ['Quantity 数量', `${lot.quantity} units 件`],
      ['Received on 收货日期', lot.receivedOn],
      ['Production date 生产日期', orDash(lot.production)],
      ['Expiry 有效期至', orDash(lot.expiry ?? lot.bestBefore)],
    ],
    170,
  );
}

/**
 * One lot's evidence under a title the caller drew: the lot pack prints it once, the delivery
 * pack once per lot. Photo pages follow the lot's own pages, so each lot reads on its own.
 */
export async function drawLotEvidence(
  report: ReportDocument,
  data: EvidencePackData,
  photos: PhotoStore,
): Promise<void> {
  decisionBanner(report, data);
  deliveryAndLotFields(report, data);
  if (data.inspection) planSection(report, data.inspection);
  else {
    report.heading('Inspection', '检验');
    report.paragraph('This lot has no inspection on record. 本批次无检验记录。');
  }
  decisionSection(report, data);
  if (data.inspection && data.inspection.units.length > 0) {
    drawResultsMatrix(report, data.inspection, data.photos);
  }
  const figures = await drawPhotoThumbnails(report, data, photos);
  logSection(report, data.logReferences);
  await drawPhotoAppendix(report, data, figures, photos);
}

/** Renders the pack as an A4 PDF. Photos come from the store; a missing one is printed as such. */
export async function renderEvidencePack(
  data: EvidencePackData,
  photos: PhotoStore,
): Promise<Buffer> {
  const lot = data.lot;
  const report = new ReportDocument({
    title: `Evidence pack 检验证据包 ${lot.gtin} ${lot.lotCode}`,
    subject: `Inspection evidence for lot ${lot.lotCode} (GTIN ${lot.gtin}) of delivery ${data.delivery.number}`,
    author: `Intake QC Station ${data.stationId}`,
    footer: `Evidence pack · lot ${lot.lotCode} · delivery ${data.delivery.number} · station ${data.stationId}`,
    createdAt: new Date(data.generatedAt),
  });
  report.title(
    'Evidence pack',
    '检验证据包',
    `Intake QC Station · ${data.stationId}\nPrinted 打印 ${formatLocalTime(data.generatedAt)}`,
  );
  await drawLotEvidence(report, data, photos);
  return report.finish();
}
