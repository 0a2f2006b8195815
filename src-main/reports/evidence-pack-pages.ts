/**
 * The parts of the evidence pack that ReportDocument's helpers do not draw: the results matrix
 * (units × checks, failed cells coloured by defect class), the photo thumbnails, and the
 * appendix with one full photo per page.
 */
import type { DefectClass } from '../../src-shared/events/schemas-inspection';
import type { PhotoCheck, PhotoStore } from '../vision/photo-store';
import type {
  EvidenceCheck,
  EvidenceCheckResult,
  EvidenceInspection,
  EvidencePackData,
  EvidencePhoto,
} from './evidence-pack-types';
import type { ReportDocument } from './pdf-document';

const CLASS_MARK: Readonly<Record<DefectClass, string>> = {
  critical: 'CR 致命',
  major: 'MA 严重',
  minor: 'MI 轻微',
};
/** Failed cells: the darker the fill, the graver the class (readable on a grey-scale printer too). */
const CLASS_FILL: Readonly<Record<DefectClass, { fill: string; ink: string }>> = {
  critical: { fill: '#b91c1c', ink: '#ffffff' },
  major: { fill: '#fca5a5', ink: '#000000' },
  minor: { fill: '#fde68a', ink: '#000000' },
};
const UNKNOWN_FILL = { fill: '#d4d4d4', ink: '#000000' };
const CHECKS_PER_MATRIX = 8;
const RULE = '#999999';

/** One picture of the pack, numbered P1, P2… in the order the units were inspected. */
export interface Figure {
  number: number;
  sha256: string;
  uses: EvidencePhoto[];
  state: PhotoCheck;
}

function bottomOf(report: ReportDocument): number {
  const { page } = report.doc;
  return page.height - page.margins.bottom;
}

function limitsText(check: EvidenceCheck): string {
  const unit = check.unit ? ` ${check.unit}` : '';
  if (check.lower !== undefined && check.upper !== undefined) {
    return `${check.lower}–${check.upper}${unit}`;
  }
  if (check.lower !== undefined) return `≥ ${check.lower}${unit}`;
  if (check.upper !== undefined) return `≤ ${check.upper}${unit}`;
  return '';
}

function cellText(check: EvidenceCheck, result: EvidenceCheckResult | undefined): string {
  if (!result) return '—';
  let text: string;
  if (result.readings && result.readings.length > 0) text = result.readings.join(' / ');
  else if (result.value !== undefined) text = String(result.value);
  else if (result.choice) text = result.choice;
  else text = result.passed ? 'ok' : 'FAIL';
  if (check.unit && (result.value !== undefined || (result.readings?.length ?? 0) > 0)) {
    text += ` ${check.unit}`;
  }
  if (!result.passed) text += `\n× ${check.defectClass ? CLASS_MARK[check.defectClass] : '?'}`;
  return text;
}

/** The checks as the matrix shows them: the template's, plus any result the template lacks. */
function matrixChecks(inspection: EvidenceInspection): EvidenceCheck[] {
  const checks = [...inspection.checks];
  for (const unit of inspection.units) {
    for (const r of unit.results) {
      if (!checks.some((c) => c.checkId === r.checkId)) {
        checks.push({
          checkId: r.checkId,
          label: r.checkId,
          labelZh: '',
          defectClass: null,
          kind: 'unknown',
        });
      }
    }
  }
  return checks;
}

/** Units × checks, failed cells filled by defect class, the header repeated on every page. */
export function drawResultsMatrix(
  report: ReportDocument,
  inspection: EvidenceInspection,
  photos: readonly EvidencePhoto[],
): void {
  const { doc } = report;
  const checks = matrixChecks(inspection);
  report.heading('Results per unit and check', '逐件逐项检验结果');
  report.table(
    [
      { header: '#', width: 0.6 },
      { header: 'Check 检验项目', width: 4.6 },
      { header: 'Class 缺陷类别', width: 1.6 },
      { header: 'Limits 限值', width: 1.6 },
    ],
    checks.map((c, i) => [
      `C${i + 1}`,
      [c.label, c.labelZh].filter(Boolean).join(' '),
      c.defectClass ? CLASS_MARK[c.defectClass] : '—',
      limitsText(c),
    ]),
    8.5,
  );
  const photoNumbers = new Map<string, number>();
  for (const p of photos)
    if (!photoNumbers.has(p.sha256)) photoNumbers.set(p.sha256, photoNumbers.size + 1);

  for (let from = 0; from < checks.length; from += CHECKS_PER_MATRIX) {
    const chunk = checks.slice(from, from + CHECKS_PER_MATRIX);
    // A unit scanned to start it carries its barcode, printed under the unit number.
    const unitWidth = inspection.units.some((u) => u.unitCode) ? 96 : 44;
    const photoWidth = 58;
    const checkWidth = (report.contentWidth - unitWidth - photoWidth) / chunk.length;
    const widths = [unitWidth, ...chunk.map(() => checkWidth), photoWidth];
    const pad = 3;
    const size = 8;
    const header = ['Unit 单件', ...chunk.map((_, i) => `C${from + i + 1}`), 'Photos 照片'];

    const rowHeight = (cells: readonly string[]) => {
      doc.fontSize(size);
      return (
        Math.max(
          ...cells.map((c, i) => report.heightOf(c, { width: (widths[i] ?? 0) - 2 * pad })),
        ) +
        2 * pad
      );
    };
    const drawRow = (
      cells: readonly string[],
      fills: readonly ({ fill: string; ink: string } | null)[],
    ) => {
      const height = rowHeight(cells);
      const y = doc.y;
      let x = report.left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        const fill = fills[i];
        if (fill) doc.save().rect(x, y, w, height).fill(fill.fill).restore();
        doc.fontSize(size).fillColor(fill?.ink ?? '#000000');
        report.text(cell, x + pad, y + pad, {
          width: w - 2 * pad,
          align: i === 0 ? 'left' : 'center',
        });
        x += w;
      });
      doc.fillColor('#000000');
      doc
        .save()
        .moveTo(report.left, y + height)
        .lineTo(report.left + report.contentWidth, y + height);
      doc.lineWidth(0.4).strokeColor(RULE).stroke().restore();
      doc.y = y + height;
    };
    const headerFills = header.map(() => ({ fill: '#e5e7eb', ink: '#000000' }));
    const rows = inspection.units.map((unit) => {
      const cells = [
        unit.unitCode ? `${unit.unitNo}\n${unit.unitCode}` : String(unit.unitNo),
        ...chunk.map((c) =>
          cellText(
            c,
            unit.results.find((r) => r.checkId === c.checkId),
          ),
        ),
        unit.photos.map((sha) => `P${photoNumbers.get(sha) ?? '?'}`).join(' ') || '—',
      ];
      const fills = [
        null,
        ...chunk.map((c) => {
          const result = unit.results.find((r) => r.checkId === c.checkId);
          if (!result || result.passed) return null;
          return c.defectClass ? CLASS_FILL[c.defectClass] : UNKNOWN_FILL;
        }),
        null,
      ];
      return { cells, fills };
    });
    report.ensureSpace(rowHeight(header) + (rows[0] ? rowHeight(rows[0].cells) : 0) + 8);
    doc.moveDown(0.4);
    drawRow(header, headerFills);
    for (const row of rows) {
      if (doc.y + rowHeight(row.cells) > bottomOf(report)) {
        doc.addPage();
        drawRow(header, headerFills);
      }
      drawRow(row.cells, row.fills);
    }
    doc.x = report.left;
    doc.moveDown(0.6);
  }

  const notes = inspection.units.flatMap((unit) =>
    unit.results
      .filter((r) => r.note && r.note.trim().length > 0)
      .map((r) => {
        const check = checks.find((c) => c.checkId === r.checkId);
        return [
          String(unit.unitNo),
          check ? `${check.label} ${check.labelZh}` : r.checkId,
          r.note ?? '',
        ];
      }),
  );
  if (notes.length > 0) {
    // The heading never ends a page on its own: room for it and the table's first rows.
    report.ensureSpace(100);
    report.heading('Inspector notes', '检验员备注');
    report.table(
      [
        { header: 'Unit 单件', width: 0.8 },
        { header: 'Check 检验项目', width: 2.6 },
        { header: 'Note 备注', width: 5 },
      ],
      notes,
      8.5,
    );
  }
}

/** "Unit 3 (failed: Seal intact 封口完好)" — what a photo is attached to. */
export function photoContext(data: EvidencePackData, use: EvidencePhoto): string {
  const checks = data.inspection?.checks ?? [];
  const label = (id: string) => {
    const c = checks.find((x) => x.checkId === id);
    return c ? `${c.label} ${c.labelZh}`.trim() : id;
  };
  const parts: string[] = [];
  if (use.unitNo !== null) {
    const unit = data.inspection?.units.find((u) => u.unitNo === use.unitNo);
    const failed = (unit?.results ?? []).filter((r) => !r.passed).map((r) => label(r.checkId));
    parts.push(
      `Unit 单件 ${use.unitNo}${use.checkId === null && failed.length > 0 ? ` (failed 不合格: ${failed.join(', ')})` : ''}`,
    );
  }
  if (use.checkId !== null) parts.push(`Check 检验项目: ${label(use.checkId)}`);
  if (use.note) parts.push(use.note);
  return parts.join(' · ') || 'Lot 批次';
}

function placeholder(
  report: ReportDocument,
  x: number,
  y: number,
  w: number,
  h: number,
  state: PhotoCheck,
) {
  const { doc } = report;
  doc.save().rect(x, y, w, h).fill('#eeeeee').restore();
  doc.save().rect(x, y, w, h).lineWidth(0.75).strokeColor(RULE).stroke().restore();
  doc.fontSize(8).fillColor('#555555');
  const text =
    state === 'missing'
      ? 'Photo not on this station 照片不在本工作站'
      : 'Photo damaged: its bytes no longer match its hash 照片文件已损坏';
  report.text(text, x + 6, y + h / 2 - 10, { width: w - 12, align: 'center' });
  doc.fillColor('#000000');
}

/** The photos as thumbnails, four to a row, each captioned with its number, unit and hash. */
export async function drawPhotoThumbnails(
  report: ReportDocument,
  data: EvidencePackData,
  store: PhotoStore,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const use of data.photos) {
    const figure = figures.find((f) => f.sha256 === use.sha256);
    if (figure) figure.uses.push(use);
    else {
      // Re-hashed before printing: a pack never shows a picture the log does not vouch for.
      const state = await store.verify(use.sha256);
      figures.push({ number: figures.length + 1, sha256: use.sha256, uses: [use], state });
    }
  }
  report.heading('Photos', '照片');
  if (figures.length === 0) {
    report.paragraph('No photos were taken for this lot. 本批次未拍摄照片。', 10, '#555555');
    return figures;
  }
  const { doc } = report;
  const perRow = 4;
  const gap = 10;
  const w = (report.contentWidth - gap * (perRow - 1)) / perRow;
  const h = w * 0.75;
  const captionHeight = 30;
  for (let i = 0; i < figures.length; i += perRow) {
    report.ensureSpace(h + captionHeight + 6);
    const y = doc.y;
    for (const [col, figure] of figures.slice(i, i + perRow).entries()) {
      const x = report.left + col * (w + gap);
      if (figure.state === 'ok') {
        doc.image(await store.thumbnail(figure.sha256), x, y, {
          fit: [w, h],
          align: 'center',
          valign: 'center',
        });
        doc.save().rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke().restore();
      } else {
        placeholder(report, x, y, w, h, figure.state);
      }
      const first = figure.uses[0];
      doc.fontSize(7).fillColor('#000000');
      report.text(
        `P${figure.number} · ${first?.unitNo !== null && first?.unitNo !== undefined ? `Unit 单件 ${first.unitNo}` : 'Lot 批次'}\n${figure.sha256.slice(0, 16)}…`,
        x,
        y + h + 3,
        { width: w, lineBreak: true },
      );
    }
    doc.y = y + h + captionHeight;
    doc.x = report.left;
  }
  report.paragraph(
    'Full-size photos with their complete SHA-256 follow in the appendix. 原尺寸照片及完整 SHA-256 见附录。',
    8.5,
    '#555555',
  );
  return figures;
}

/** One page per photo: its caption (unit, check, full hash) and the stored JPEG as large as fits. */
export async function drawPhotoAppendix(
  report: ReportDocument,
  data: EvidencePackData,
  figures: readonly Figure[],
  store: PhotoStore,
): Promise<void> {
  const { doc } = report;
  for (const figure of figures) {
    doc.addPage();
    report.heading(`Appendix: photo P${figure.number}`, `附录：照片 P${figure.number}`);
    report.fields(
      [
        ...figure.uses.map((use): [string, string] => [
          'Attached to 所属',
          photoContext(data, use),
        ]),
        ['SHA-256', figure.sha256.match(/.{1,8}/g)?.join(' ') ?? figure.sha256],
      ],
      110,
    );
    doc.moveDown(0.5);
    const y = doc.y;
    const h = bottomOf(report) - y;
    if (figure.state === 'ok') {
      doc.image(await store.get(figure.sha256), report.left, y, {
        fit: [report.contentWidth, h],
        align: 'center',
      });
    } else {
      placeholder(report, report.left, y, report.contentWidth, Math.min(h, 200), figure.state);
    }
  }
}
