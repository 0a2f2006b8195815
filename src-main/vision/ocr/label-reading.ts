/**
 * From OCR lines to what the label says: the context the label reader needs (today, the
 * label's language, the SKU's market) and the answer `vision.readLabel` and
 * `qcs vision label` give.
 */
import type { LabelReadingView, OcrLineView } from '../../../src-shared/api/domain-vision';
import { extractLabelData, type LabelContext } from '../../../src-shared/label';
import type { IsoDate } from '../../../src-shared/util/dates';
import type { TextLine } from './reading-order';

/**
 * GS1 prefixes (the first three digits of a GTIN-13) and the member organisation that issued
 * them. A company prefix says where the brand owner registered, which is where its labels are
 * designed: the best hint the station has of how a label writes 03/04/2027. Prefixes not listed
 * (or a market whose order is unknown, such as Canada) leave the reader to the label's
 * language, and to an "ambiguous" warning rather than a guess.
 */
const GS1_PREFIXES: readonly (readonly [number, number, string])[] = [
  [0, 19, 'US'],
  [30, 39, 'US'],
  [60, 139, 'US'],
  [300, 379, 'FR'],
  [400, 440, 'DE'],
  [460, 469, 'RU'],
  [489, 489, 'HK'],
  [500, 509, 'GB'],
  [540, 549, 'BE'],
  [560, 560, 'PT'],
  [570, 579, 'DK'],
  [590, 590, 'PL'],
  [640, 649, 'FI'],
  [690, 699, 'CN'],
  [700, 709, 'NO'],
  [730, 739, 'SE'],
  [754, 755, 'CA'],
  [760, 769, 'CH'],
  [800, 839, 'IT'],
  [840, 849, 'ES'],
  [870, 879, 'NL'],
  [885, 885, 'TH'],
  [888, 888, 'SG'],
  [890, 890, 'IN'],
  [893, 893, 'VN'],
  [900, 919, 'AT'],
  [930, 939, 'AU'],
  [940, 949, 'NZ'],
  [955, 955, 'MY'],
  [958, 958, 'MO'],
];

/** The market a GTIN's GS1 prefix points to, or undefined (GTIN-8, restricted ranges, unlisted). */
export function marketOfGtin(gtin: string | undefined): string | undefined {
  if (!gtin || !/^\d+$/.test(gtin)) return undefined;
  // GTIN-12 (UPC-A) is a GTIN-13 with a leading 0; GTIN-14 adds a packaging indicator digit.
  const gtin13 =
    gtin.length === 12
      ? `0${gtin}`
      : gtin.length === 14
        ? gtin.slice(1)
        : gtin.length === 13
          ? gtin
          : null;
  if (!gtin13) return undefined;
  const prefix = Number(gtin13.slice(0, 3));
  return GS1_PREFIXES.find(([from, to]) => prefix >= from && prefix <= to)?.[2];
}

/** 'zh' when the label prints Chinese characters; otherwise the lines say nothing certain. */
export function labelLanguage(lines: readonly string[]): string | undefined {
  return lines.some((l) => /\p{Script=Han}/u.test(l)) ? 'zh' : undefined;
}

export function labelContext(
  lines: readonly string[],
  today: IsoDate,
  gtin?: string,
): LabelContext {
  const language = labelLanguage(lines);
  const market = marketOfGtin(gtin);
  return {
    today,
    ...(language ? { language } : {}),
    ...(market ? { market } : {}),
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The answer of `vision.readLabel` (without `ms`) from OCR lines in reading order. */
export function labelReadingOf(
  lines: readonly TextLine[],
  today: IsoDate,
  gtin?: string,
): Omit<LabelReadingView, 'ms'> {
  const texts = lines.map((l) => l.text);
  const data = extractLabelData(texts, labelContext(texts, today, gtin));
  return {
    lines: lines.map((l): OcrLineView => ({
      text: l.text,
      confidence: Math.min(1, Math.max(0, round3(l.confidence))),
      box: l.box,
    })),
    expiry: data.expiry,
    production: data.production,
    lot: data.lot,
    warnings: [...data.warnings],
  };
}
