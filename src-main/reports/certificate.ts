/**
 * The inspection certificate of one decided lot: a page or two that travel with the goods or
 * go to the supplier. It says what was inspected, against which ISO 2859-1 plan, what was found,
 * what was decided and under which conditions, who signed, and which log events (seq + SHA-256)
 * prove it — with the fingerprint of the station key that signed the log, so a reader can check
 * the hashes against `qcs log verify` on that station or at head office.
 *
 * It prints from the same data as the evidence pack (`evidencePackData`) with the pack's own
 * sections; only the unit matrix and the photos are left to the pack.
 */
import { AppError } from '../api/app-error';
import {
  decisionBanner,
  decisionSection,
  deliveryAndLotFields,
  logSection,
  orDash,
  planSection,
} from './evidence-pack';
import type { EvidencePackData } from './evidence-pack-types';
import { formatLocalTime, ReportDocument } from './pdf-document';

/** The events that make the decision: the lot, its plan, its counts, the decision, a counterfeit finding. */
const DECISIVE_EVENTS: ReadonlySet<string> = new Set([
  'lot.received',
  'inspection.started',
  'inspection.completed',
  'inspection.skipped',
  'lot.decided',
  'counterfeit.confirmed',
]);

export interface CertificateOptions {
  /** The station key's fingerprint as `system.info` gives it (SHA-256 of the SPKI, 16 hex). */
  publicKeyFingerprint: string;
}

/** Refuses a lot with no decision: a certificate certifies a decision. */
export function assertCertifiable(data: EvidencePackData): void {
  if (!data.decision) {
    throw new AppError(
      'refused',
      `Lot ${data.lot.lotCode} (GTIN ${data.lot.gtin}) has no decision yet: a certificate is issued once it is accepted, rejected or put on hold.`,
      { lotId: data.lot.lotId },
    );
  }
}

function signOffSection(report: ReportDocument, data: EvidencePackData): void {
  const decided = data.logReferences.findLast((r) => r.type === 'lot.decided');
  const completed = data.logReferences.findLast((r) => r.type === 'inspection.completed');
  const inspection = data.inspection;
  // The manager's sign-off, with its time, is printed by decisionSection above.
  report.heading('Inspector and decision', '检验员与判定人');
  report.fields(
    [
      [
        'Inspector 检验员',
        inspection
          ? `${inspection.inspectorName}, completed 完成 ${completed ? formatLocalTime(completed.recordedAt) : orDash(inspection.completedOn)}`
          : '—',
      ],
      [
        'Decided by 判定人',
        `${data.decision?.decidedBy ?? '—'}${decided ? `, ${formatLocalTime(decided.recordedAt)}` : ''}`,
      ],
    ],
    170,
  );
}

/** Renders the certificate as an A4 PDF; refuses (`refused`) a lot that is not decided. */
export function renderCertificate(
  data: EvidencePackData,
  options: CertificateOptions,
): Promise<Buffer> {
  assertCertifiable(data);
  const lot = data.lot;
  const report = new ReportDocument({
    title: `Inspection certificate 检验证书 ${lot.gtin} ${lot.lotCode}`,
    subject: `Inspection certificate for lot ${lot.lotCode} (GTIN ${lot.gtin}) of delivery ${data.delivery.number}`,
    author: `Intake QC Station ${data.stationId}`,
    footer: `Inspection certificate · lot ${lot.lotCode} · delivery ${data.delivery.number} · station ${data.stationId}`,
    createdAt: new Date(data.generatedAt),
  });
  report.title(
    'Inspection certificate',
    '检验证书',
    `Intake QC Station · ${data.stationId}\nPrinted 打印 ${formatLocalTime(data.generatedAt)}`,
  );
  decisionBanner(report, data);
  report.heading('Station', '工作站').fields(
    [
      ['Station 工作站', data.stationId],
      ['Log key fingerprint 日志密钥指纹', `Ed25519 ${options.publicKeyFingerprint}`],
    ],
    170,
  );
  deliveryAndLotFields(report, data);
  if (data.inspection) planSection(report, data.inspection);
  else {
    report.heading('Inspection', '检验');
    report.paragraph('This lot was decided without an inspection. 本批次未经检验即判定。');
  }
  decisionSection(report, data);
  signOffSection(report, data);
  logSection(
    report,
    data.logReferences.filter((r) => DECISIVE_EVENTS.has(r.type)),
  );
  return report.finish();
}
