/**
 * "Label matches barcode": what the label says (read by OCR) against what the barcode says,
 * and the label's brand text against the SKU's brand. A printed expiry or lot that differs from
 * the barcode, or a label without the brand, is a classic sign of relabelled or counterfeit
 * goods; each difference is reported with both values so that the inspector and the evidence
 * pack show what was compared.
 */
import type { Bilingual } from '../api/domain-intake';

export interface LabelFacts {
  readonly expiry: string | null;
  readonly lot: string | null;
  /** The OCR lines, for the brand. */
  readonly lines: readonly string[];
}

export interface BarcodeFacts {
  /** AI 17, else AI 15, as YYYY-MM-DD. */
  readonly expiry: string | null;
  /** AI 10. */
  readonly lot: string | null;
}

export interface LabelMismatch {
  readonly field: 'expiry' | 'lot' | 'brand';
  readonly label: string | null;
  readonly expected: string;
  readonly text: Bilingual;
}

export interface LabelCheck {
  /** Every fact that could be compared agrees. */
  readonly matches: boolean;
  readonly mismatches: readonly LabelMismatch[];
  /** What was compared and agreed, e.g. "expiry 2027-06-30". */
  readonly agreed: readonly string[];
  /** Facts the label did not show (the OCR found no expiry…): not a mismatch, but said. */
  readonly unread: readonly ('expiry' | 'lot')[];
}

/** Letters and digits only, upper case; the confusions OCR makes in codes folded together. */
export function codeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z\p{Script=Han}]/gu, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/S/g, '5')
    .replace(/B/g, '8')
    .replace(/Z/g, '2');
}

/** Levenshtein distance, for a brand read with one wrong letter. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * True when the brand appears on the label: in any line, ignoring case, spaces and
 * punctuation, allowing one OCR error per six characters of the brand.
 */
export function brandOnLabel(brand: string, lines: readonly string[]): boolean {
  const want = codeKey(brand);
  if (want === '') return true;
  const slack = Math.floor(want.length / 6);
  for (const line of lines) {
    const text = codeKey(line);
    if (text.includes(want)) return true;
    if (slack === 0) continue;
    for (let i = 0; i + want.length - slack <= text.length; i++) {
      for (let len = want.length - slack; len <= want.length + slack; len++) {
        if (i + len > text.length) break;
        if (distance(text.slice(i, i + len), want) <= slack) return true;
      }
    }
  }
  return false;
}

export function checkLabel(
  label: LabelFacts,
  barcode: BarcodeFacts,
  brand: string | null,
): LabelCheck {
  const mismatches: LabelMismatch[] = [];
  const agreed: string[] = [];
  const unread: ('expiry' | 'lot')[] = [];
  if (barcode.expiry) {
    if (!label.expiry) unread.push('expiry');
    else if (label.expiry === barcode.expiry) agreed.push(`expiry ${barcode.expiry}`);
    else
      mismatches.push({
        field: 'expiry',
        label: label.expiry,
        expected: barcode.expiry,
        text: {
          en: `Label/barcode mismatch: the label says expiry ${label.expiry}, the barcode ${barcode.expiry}.`,
          zh: `标签与条码不符：标签有效期 ${label.expiry}，条码 ${barcode.expiry}。`,
        },
      });
  }
  if (barcode.lot) {
    if (!label.lot) unread.push('lot');
    else if (codeKey(label.lot) === codeKey(barcode.lot)) agreed.push(`lot ${barcode.lot}`);
    else
      mismatches.push({
        field: 'lot',
        label: label.lot,
        expected: barcode.lot,
        text: {
          en: `Label/barcode mismatch: the label says lot ${label.lot}, the barcode ${barcode.lot}.`,
          zh: `标签与条码不符：标签批号 ${label.lot}，条码 ${barcode.lot}。`,
        },
      });
  }
  if (brand) {
    if (brandOnLabel(brand, label.lines)) agreed.push(`brand ${brand}`);
    else
      mismatches.push({
        field: 'brand',
        label: null,
        expected: brand,
        text: {
          en: `Label/brand mismatch: the brand "${brand}" does not appear on the label.`,
          zh: `标签与品牌不符：标签上没有品牌“${brand}”。`,
        },
      });
  }
  return { matches: mismatches.length === 0, mismatches, agreed, unread };
}
