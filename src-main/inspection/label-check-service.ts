import type { LabelCheckResult } from '../../src-shared/api/domain-inspection';
import { classifyScan } from '../../src-shared/intake/scan-classify';
import { checkLabel, type BarcodeFacts } from '../../src-shared/inspection/label-check';
import type { Repos } from '../store/repos';
import { AppError } from '../api/app-error';
import type { InspectionService } from './inspection-service';

/** What the OCR read on a label photo. */
export interface LabelReading {
  lines: readonly { text: string }[];
  expiry: string | null;
  production: string | null;
  lot: string | null;
  warnings: readonly string[];
}

export interface LabelCheckDeps {
  repos: Repos;
  inspections: InspectionService;
  today: () => string;
  readLabel: (photo: string, gtin: string | null) => Promise<LabelReading>;
}

/**
 * The "label matches barcode" check of a sampled unit: the label photo read by OCR against the
 * unit's scanned barcode (AI 17/15 and 10), or the lot's own barcode data when the unit was not
 * scanned, and the label's brand text against the SKU's brand.
 */
export class LabelCheckService {
  constructor(private readonly d: LabelCheckDeps) {}

  async check(input: {
    inspectionId: string;
    photo: string;
    unitCode?: string | undefined;
  }): Promise<LabelCheckResult> {
    const inspection = this.d.inspections.row(input.inspectionId);
    const lot = this.d.inspections.lot(inspection.lot_id);
    const sku = this.d.repos.skus.byAnyGtin(lot.gtin)?.sku ?? null;
    const barcode = this.barcodeFacts(input.unitCode, lot);
    const reading = await this.d.readLabel(input.photo, lot.gtin);
    const lines = reading.lines.map((l) => l.text);
    const check = checkLabel(
      { expiry: reading.expiry, lot: reading.lot, lines },
      barcode,
      sku?.brand ?? null,
    );
    return {
      photo: input.photo,
      label: {
        expiry: reading.expiry,
        production: reading.production,
        lot: reading.lot,
        lines,
        warnings: [...reading.warnings],
      },
      barcode: { ...barcode, source: input.unitCode?.trim() ? 'unit' : 'lot' },
      brand: sku?.brand ?? null,
      ...check,
      mismatches: check.mismatches.map((m) => ({ ...m })),
      agreed: [...check.agreed],
      unread: [...check.unread],
    };
  }

  private barcodeFacts(
    unitCode: string | undefined,
    lot: { lot_id: string; lot: string; expiry: string | null; best_before: string | null },
  ): BarcodeFacts {
    const code = unitCode?.trim();
    if (code) {
      const { meaning } = classifyScan(code, this.d.today());
      if (meaning.kind !== 'product')
        throw new AppError('invalid_input', `The unit code "${code}" is not a product barcode.`);
      return {
        expiry: meaning.dates.expiry ?? meaning.dates.bestBefore ?? null,
        lot: meaning.lot,
      };
    }
    // The lot's expiry as its barcodes printed it: not a typed date, not one computed from a
    // production date.
    const shelf = this.d.repos.shelfLife.byId(lot.lot_id);
    const printed =
      shelf?.date_source === 'barcode' && shelf.expiry_basis === 'stated'
        ? lot.expiry
        : shelf?.removal_date == null
          ? lot.expiry
          : null;
    return { expiry: printed ?? lot.best_before, lot: lot.lot || null };
  }
}
