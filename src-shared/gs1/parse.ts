/**
 * parseGs1: one entry point for everything a scanner, a camera decoder or a person can hand us.
 *
 * How the form is decided (first match wins):
 * 1. A leading `]` + letter + modifier is an AIM symbology identifier (ISO/IEC 15424):
 *    `]C1` `]e0` `]d2` `]Q3` `]J1` → unbracketed element strings (FNC1 as GS);
 *    `]E0` → EAN-13 (13 digits; 'UPC-A' if the first is 0), UPC-A (12) or UPC-E (8), optionally
 *    followed by a composite component `|]e0…`; `]E3` → EAN/UPC with an add-on, whose add-on is
 *    dropped; `]E4` → EAN-8; `]I0`/`]I1` → ITF-14 (14 digits);
 *    any other identifier (`]d1`, `]Q1`, `]J0`, `]C0`…) is plain data: a Digital Link if it starts
 *    with http:// or https://, otherwise "not GS1 data" with no fields.
 *    The reference engine takes only 13 digits after `]E0`; scanners configured not to expand
 *    UPC send 12 (UPC-A) or 8 (UPC-E) digits, so those are accepted too.
 * 2. Without an AIM id: `(` starts bracketed element strings; http(s):// a Digital Link.
 * 3. Without an AIM id, 8, 12, 13 or 14 plain digits are read as EAN-8 (or UPC-E if not a valid
 *    EAN-8), UPC-A, EAN-13 and ITF-14. A wrong check digit is reported as such: at a dock a bare
 *    digit string is a retail or ITF scan (GS1-128 data carries `]C1` or at least an AI structure
 *    that does not fit these lengths), and reading a misprinted EAN-13 as a valid order number
 *    (400) would hide a real problem from the inspector.
 * 4. Anything else is unbracketed element strings with FNC1-in-first implied. One leading GS is
 *    accepted there as a transmitted FNC1-in-first (after an AIM id it is an error, as in the
 *    reference engine).
 * Trailing CR/LF (a keyboard-wedge "Enter") is ignored in every form.
 */
import { checkAssociations, type ParsedAi } from './associations';
import { looksLikeDigitalLink, parseDigitalLink } from './digital-link';
import { parseBracketed, parseUnbracketed, type ParseSink } from './element-string';
import { gs1Error, type Gs1Error } from './errors';
import { gtinItem, readRetail, type RetailSymbology } from './retail';
import type { Gs1InputForm, Gs1ParseOptions, Gs1ParseResult } from './types';

/** The reference engine's data limit; bounds the work any one scan can cause. */
const MAX_INPUT_LENGTH = 8192;

type AimMode = 'gs1' | 'ean' | 'ean-addon' | 'ean8' | 'itf';

const GS1_AIM_IDS: Readonly<Record<string, { mode: AimMode; symbology: string }>> = {
  ']C1': { mode: 'gs1', symbology: 'GS1-128' },
  ']e0': { mode: 'gs1', symbology: 'GS1 DataBar' },
  ']d2': { mode: 'gs1', symbology: 'GS1 DataMatrix' },
  ']Q3': { mode: 'gs1', symbology: 'GS1 QR Code' },
  ']J1': { mode: 'gs1', symbology: 'GS1 DotCode' },
  ']E0': { mode: 'ean', symbology: 'EAN-13' },
  ']E3': { mode: 'ean-addon', symbology: 'EAN-13' },
  ']E4': { mode: 'ean8', symbology: 'EAN-8' },
  ']I0': { mode: 'itf', symbology: 'ITF-14' },
  ']I1': { mode: 'itf', symbology: 'ITF-14' },
};

/** Names for plain-data identifiers, by symbology letter (ISO/IEC 15424). */
const PLAIN_SYMBOLOGIES: Readonly<Record<string, string>> = {
  A: 'Code 39',
  C: 'Code 128',
  d: 'DataMatrix',
  e: 'GS1 DataBar',
  E: 'EAN/UPC',
  F: 'Codabar',
  G: 'Code 93',
  I: 'ITF',
  J: 'DotCode',
  L: 'PDF417',
  Q: 'QR Code',
  z: 'Aztec',
};

const COMPOSITE_SEPARATOR = '|]e0';

interface Draft extends ParseSink {
  form: Gs1InputForm;
  symbology: string | null;
  aimId: string | null;
  /** False when parsing stopped early: cross-AI rules would only add noise then. */
  complete: boolean;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function allDigits(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

function noCaret(s: string, start: number, end: number, d: Draft): boolean {
  const caret = s.indexOf('^', start);
  if (caret < 0 || caret >= end) return true;
  d.errors.push(gs1Error('illegal-caret', "'^' is never allowed in GS1 data", undefined, caret));
  d.complete = false;
  return false;
}

function unbracketed(s: string, start: number, end: number, d: Draft): void {
  d.form = 'element-string';
  if (noCaret(s, start, end, d)) d.complete = parseUnbracketed(s, start, end, d);
}

/** A retail GTIN, then an optional `|]e0` composite component read as element strings. */
function retail(
  s: string,
  start: number,
  primaryEnd: number,
  end: number,
  symbology: RetailSymbology,
  d: Draft,
): void {
  d.form = 'retail';
  d.symbology = symbology;
  const r = readRetail(s, start, primaryEnd, symbology);
  if (r.error) d.errors.push(r.error);
  const item = r.gtin14 === null ? null : gtinItem(r.gtin14, start);
  if (item) d.items.push(item);
  if (primaryEnd === end) return;
  if (r.gtin14 !== null && s.startsWith(COMPOSITE_SEPARATOR, primaryEnd)) {
    const ccStart = primaryEnd + COMPOSITE_SEPARATOR.length;
    if (noCaret(s, ccStart, end, d)) d.complete = parseUnbracketed(s, ccStart, end, d);
    return;
  }
  d.errors.push(
    gs1Error(
      'invalid-retail-data',
      `${symbology} data has unexpected characters after the GTIN`,
      undefined,
      primaryEnd,
    ),
  );
  d.complete = false;
}

/** How many digits (at most 13) start the data: the primary GTIN part of an EAN/UPC scan. */
function leadingDigits(s: string, start: number, end: number): number {
  let n = 0;
  while (start + n < end && n < 13 && isDigitCode(s.charCodeAt(start + n))) n++;
  return n;
}

function fromAimEan(s: string, start: number, end: number, mode: AimMode, d: Draft): void {
  const digits = leadingDigits(s, start, end);
  if (mode === 'ean8') return retail(s, start, Math.min(start + 8, end), end, 'EAN-8', d);
  if (mode === 'itf') {
    if (end - start === 14 && allDigits(s, start, end))
      return retail(s, start, end, end, 'ITF-14', d);
    d.form = 'plain';
    d.symbology = 'ITF';
    d.errors.push(gs1Error('not-gs1-data', 'This ITF symbol is not an ITF-14 (14 digits)'));
    d.complete = false;
    return;
  }
  if (mode === 'ean-addon') {
    // EAN-13/UPC-A plus a 2- or 5-digit add-on: keep the GTIN, drop the add-on (not AI data).
    const len = end - start;
    return fromAimEan(s, start, len === 15 || len === 18 ? start + 13 : end, 'ean', d);
  }
  // 13 digits starting with 0 are a UPC-A in EAN-13 form (the same bars); the last 12 digits
  // read as UPC-A give the same GTIN-14.
  if (digits === 13 && s.charCodeAt(start) === 48) {
    return retail(s, start + 1, start + 13, end, 'UPC-A', d);
  }
  if (digits === 13) return retail(s, start, start + 13, end, 'EAN-13', d);
  if (digits === 12) return retail(s, start, start + 12, end, 'UPC-A', d);
  if (digits === 8) return retail(s, start, start + 8, end, 'UPC-E', d);
  retail(s, start, end, end, 'EAN-13', d);
}

function plainDigits(s: string, start: number, end: number, d: Draft): void {
  const len = end - start;
  // 13 digits starting with 0 are a UPC-A in EAN-13 form.
  const from = len === 13 && s.charCodeAt(start) === 48 ? start + 1 : start;
  const candidates: readonly RetailSymbology[] =
    len === 8
      ? ['EAN-8', 'UPC-E']
      : len === 12 || from !== start
        ? ['UPC-A']
        : len === 13
          ? ['EAN-13']
          : ['ITF-14'];
  for (const symbology of candidates) {
    if (readRetail(s, from, end, symbology).error === null) {
      return retail(s, from, end, end, symbology, d);
    }
  }
  retail(s, from, end, end, candidates[0] ?? 'EAN-13', d);
}

function fromPlainContent(s: string, start: number, end: number, d: Draft): void {
  if (looksLikeDigitalLink(s, start)) {
    d.form = 'digital-link';
    d.complete = parseDigitalLink(s, start, end, d);
    return;
  }
  d.form = 'plain';
  d.complete = false;
  d.errors.push(
    gs1Error(
      'not-gs1-data',
      'This symbol holds plain data, not GS1 data (no AIs and no GS1 Digital Link)',
      undefined,
      start,
    ),
  );
}

function dispatch(s: string, start: number, end: number, d: Draft): void {
  const c1 = s.charCodeAt(start + 1);
  const c2 = s.charCodeAt(start + 2);
  if (s.charCodeAt(start) === 93 && end - start >= 3 && isAlnum(c1) && isAlnum(c2)) {
    const aimId = s.slice(start, start + 3);
    d.aimId = aimId;
    const known = GS1_AIM_IDS[aimId];
    const body = start + 3;
    if (body >= end) {
      d.errors.push(
        gs1Error('empty-input', `The scan holds only the symbology identifier ${aimId}`),
      );
      d.symbology = known?.symbology ?? PLAIN_SYMBOLOGIES[s.charAt(start + 1)] ?? null;
      d.form = !known ? 'plain' : known.mode === 'gs1' ? 'element-string' : 'retail';
      d.complete = false;
      return;
    }
    if (!known) {
      d.symbology = PLAIN_SYMBOLOGIES[s.charAt(start + 1)] ?? null;
      return fromPlainContent(s, body, end, d);
    }
    d.symbology = known.symbology;
    if (known.mode === 'gs1') return unbracketed(s, body, end, d);
    return fromAimEan(s, body, end, known.mode, d);
  }
  if (s.charCodeAt(start) === 40) {
    d.form = 'bracketed';
    if (noCaret(s, start, end, d)) d.complete = parseBracketed(s, start, end, d);
    return;
  }
  if (looksLikeDigitalLink(s, start)) return fromPlainContent(s, start, end, d);
  const len = end - start;
  if ((len === 8 || len === 12 || len === 13 || len === 14) && allDigits(s, start, end)) {
    return plainDigits(s, start, end, d);
  }
  // A transmitted FNC1-in-first.
  unbracketed(s, s.charCodeAt(start) === 29 ? start + 1 : start, end, d);
}

function parse(input: string): Gs1ParseResult {
  const d: Draft = {
    form: 'element-string',
    symbology: null,
    aimId: null,
    items: [],
    errors: [],
    complete: true,
  };
  let end = input.length;
  while (end > 0 && (input.charCodeAt(end - 1) === 10 || input.charCodeAt(end - 1) === 13)) end--;
  if (end === 0) {
    d.form = 'plain';
    d.errors.push(gs1Error('empty-input', 'Nothing was scanned'));
  } else if (end > MAX_INPUT_LENGTH) {
    d.form = 'plain';
    d.errors.push(
      gs1Error('input-too-long', `The scan is longer than ${MAX_INPUT_LENGTH} characters`),
    );
  } else {
    dispatch(input, 0, end, d);
    if (d.complete) checkAssociations(d.items, d.errors);
  }
  return result(input, d);
}

function result(input: string, d: Draft): Gs1ParseResult {
  return {
    input,
    valid: d.errors.length === 0,
    symbology: d.symbology,
    aimId: d.aimId,
    form: d.form,
    fields: d.items.map((item: ParsedAi) => ({
      ai: item.entry.ai,
      value: item.value,
      title: item.entry.title,
    })),
    errors: d.errors,
  };
}

/**
 * Parses and fully validates one scan. Never throws: any input string yields a result, and an
 * engine bug surfaces as an 'internal-error' instead of taking the station down.
 */
export function parseGs1(input: string, _options?: Gs1ParseOptions): Gs1ParseResult {
  try {
    return parse(input);
  } catch (cause) {
    const errors: Gs1Error[] = [
      gs1Error('internal-error', `The GS1 engine failed on this scan: ${String(cause)}`),
    ];
    return { input, valid: false, symbology: null, aimId: null, form: 'plain', fields: [], errors };
  }
}
