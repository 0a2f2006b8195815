import { interpretGs1, parseGs1 } from '../../../src-shared/gs1';

/** The expiry (ISO date) and lot a barcode or a printed label gives, when it gives them. */
export interface DatesAndLot {
  expiry: string | null;
  lot: string | null;
}

export type Agreement = 'same' | 'differs' | 'label-unread' | 'no-barcode-value';

/** AI 17 (else 15, best before) and AI 10 of scanned GS1 data. */
export function barcodeFacts(data: string, today: string): DatesAndLot {
  const parsed = parseGs1(data);
  const facts = interpretGs1(parsed.fields, { today });
  return { expiry: facts.expiry ?? facts.bestBefore ?? null, lot: facts.lot ?? null };
}

/** Lots compare without case, spaces or the O/0 confusion of print. */
function sameLot(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/\s+/g, '').replace(/O/g, '0');
  return norm(a) === norm(b);
}

/**
 * The printed label against the barcode, field by field. A printed expiry that differs from
 * the barcode's is a counterfeit signal; one the OCR could not read is said so, not guessed.
 */
export function compareFacts(
  label: DatesAndLot,
  barcode: DatesAndLot,
): { expiry: Agreement; lot: Agreement } {
  const expiry: Agreement =
    barcode.expiry === null
      ? 'no-barcode-value'
      : label.expiry === null
        ? 'label-unread'
        : label.expiry === barcode.expiry
          ? 'same'
          : 'differs';
  const lot: Agreement =
    barcode.lot === null
      ? 'no-barcode-value'
      : label.lot === null
        ? 'label-unread'
        : sameLot(label.lot, barcode.lot)
          ? 'same'
          : 'differs';
  return { expiry, lot };
}
