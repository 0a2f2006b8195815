import { interpretGs1, parseGs1, type Gs1ParseResult } from '../gs1';

/** Dates a product scan carries, as ISO dates. */
export interface ScanDates {
  expiry: string | null;
  bestBefore: string | null;
  sellBy: string | null;
  production: string | null;
  packaging: string | null;
}

/** What one scan is, for the dock. */
export type ScanMeaning =
  | {
      kind: 'product';
      /** The GTIN as scanned: unit, inner or case level. */
      gtin: string;
      lot: string | null;
      serial: string | null;
      /** AI (30): a count of consumer units in this item. */
      variableCount: number | null;
      dates: ScanDates;
      symbology: string | null;
    }
  | {
      /** A pallet content label: SSCC + (02) content GTIN + (37) count of trade items. */
      kind: 'pallet-content';
      sscc: string;
      contentGtin: string;
      count: number;
      lot: string | null;
      dates: ScanDates;
      symbology: string | null;
    }
  | { kind: 'pallet'; sscc: string; symbology: string | null }
  /** Not GS1 data: a delivery number on a Code 128 label, a badge… */
  | { kind: 'code'; text: string }
  | { kind: 'invalid'; parse: Gs1ParseResult };

const PLAIN_TEXT = /^[\x20-\x7e]{3,60}$/;
const AIM_ID = /^\][A-Za-z][0-9A-Za-z]/;

/**
 * Parses and classifies a scan. GS1 data that fails validation is 'invalid' (the inspector
 * sees why). Data that is no GS1 attempt at all is a 'code' for the caller to look up (an ASN
 * number on a plain Code 128, a badge): either the engine saw a non-GS1 symbology identifier
 * (`]C0`, `]A0`…), or there is no identifier and the text has letters (GS1 element strings are
 * digit AIs first; bracketed ones start with `(`).
 */
export function classifyScan(
  data: string,
  today: string,
): { meaning: ScanMeaning; parse: Gs1ParseResult } {
  const trimmed = data.replace(/[\r\n]+$/, '');
  const parse = parseGs1(trimmed, { today });
  if (!parse.valid) {
    const text = AIM_ID.test(trimmed) ? trimmed.slice(3) : trimmed;
    const noGs1Attempt =
      parse.form === 'plain' ||
      (parse.aimId === null && /[A-Za-z]/.test(trimmed) && !/^(\(|https?:)/i.test(trimmed));
    if (noGs1Attempt && PLAIN_TEXT.test(text)) return { meaning: { kind: 'code', text }, parse };
    return { meaning: { kind: 'invalid', parse }, parse };
  }
  const m = interpretGs1(parse.fields, { today });
  const dates: ScanDates = {
    expiry: m.expiry ?? null,
    bestBefore: m.bestBefore ?? null,
    sellBy: m.sellBy ?? null,
    production: m.production ?? null,
    packaging: m.packaging ?? null,
  };
  const count37 = parse.fields.find((f) => f.ai === '37');
  if (m.sscc && m.contentGtin && count37) {
    return {
      meaning: {
        kind: 'pallet-content',
        sscc: m.sscc,
        contentGtin: m.contentGtin,
        count: Number(count37.value),
        lot: m.lot ?? null,
        dates,
        symbology: parse.symbology,
      },
      parse,
    };
  }
  if (m.gtin) {
    const count30 = parse.fields.find((f) => f.ai === '30');
    return {
      meaning: {
        kind: 'product',
        gtin: m.gtin,
        lot: m.lot ?? null,
        serial: m.serial ?? null,
        variableCount: count30 ? Number(count30.value) : null,
        dates,
        symbology: parse.symbology,
      },
      parse,
    };
  }
  if (m.sscc)
    return { meaning: { kind: 'pallet', sscc: m.sscc, symbology: parse.symbology }, parse };
  // Valid GS1 data without a product or a pallet (an order number (400), a location (414)…).
  const order = parse.fields.find((f) => f.ai === '400' || f.ai === '401' || f.ai === '402');
  if (order) return { meaning: { kind: 'code', text: order.value }, parse };
  return { meaning: { kind: 'invalid', parse }, parse };
}
