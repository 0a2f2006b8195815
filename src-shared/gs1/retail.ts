/**
 * Retail and case symbols that carry only a GTIN: EAN-13, UPC-A, UPC-E, EAN-8 and ITF-14.
 * Each becomes one (01) field holding the GTIN-14 (GS1 General Specifications §3.3.2: a GTIN in
 * a 14-digit field is right-justified with leading zeros).
 */
import type { ParsedAi } from './associations';
import { firstNonDigit } from './charsets';
import { aiTable } from './dictionary';
import { gs1Error, type Gs1Error } from './errors';

export type RetailSymbology = 'EAN-13' | 'UPC-A' | 'UPC-E' | 'EAN-8' | 'ITF-14';

/**
 * GS1 mod-10 check digit of the digits given (without the check digit), §7.9.1.
 * Throws RangeError on anything but digits: this is a programming helper, not a scan parser.
 */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (
    digitsWithoutCheck === '' ||
    firstNonDigit(digitsWithoutCheck, 0, digitsWithoutCheck.length) >= 0
  ) {
    throw new RangeError(`gtinCheckDigit needs digits, got "${digitsWithoutCheck}"`);
  }
  let sum = 0;
  let weight = 3;
  for (let i = digitsWithoutCheck.length - 1; i >= 0; i--) {
    sum += weight * (digitsWithoutCheck.charCodeAt(i) - 48);
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** Check digit of digits s[start, end - 1), compared by the caller with s[end - 1]. */
function expectedCheckDigit(s: string, start: number, end: number): number {
  let sum = 0;
  let weight = 3;
  for (let i = end - 2; i >= start; i--) {
    sum += weight * (s.charCodeAt(i) - 48);
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, six data digits, check digit) to the 12-digit
 * UPC-A it stands for; the check digit is carried over unchanged. The last data digit selects
 * where the zeros were suppressed (the standard UPC-E expansion table):
 *   0-2: S D1 D2 D6 0000 D3 D4 D5     3: S D1 D2 D3 00000 D4 D5
 *     4: S D1 D2 D3 D4 00000 D5     5-9: S D1 D2 D3 D4 D5 0000 D6
 * Returns null if the input is not 8 digits starting with 0 or 1.
 */
export function expandUpcE(upcE: string): string | null {
  if (upcE.length !== 8 || firstNonDigit(upcE, 0, 8) >= 0) return null;
  const ns = upcE.charAt(0);
  if (ns !== '0' && ns !== '1') return null;
  const d = upcE.slice(1, 7);
  const check = upcE.charAt(7);
  const last = Number(d.charAt(5));
  let body: string;
  if (last <= 2) body = d.slice(0, 2) + d.charAt(5) + '0000' + d.slice(2, 5);
  else if (last === 3) body = d.slice(0, 3) + '00000' + d.slice(3, 5);
  else if (last === 4) body = d.slice(0, 4) + '00000' + d.charAt(4);
  else body = d.slice(0, 5) + '0000' + d.charAt(5);
  return ns + body + check;
}

export interface RetailResult {
  readonly symbology: RetailSymbology;
  /** The GTIN-14, present when the data had the right shape (even with a wrong check digit). */
  readonly gtin14: string | null;
  readonly error: Gs1Error | null;
}

const LENGTHS: Readonly<Record<RetailSymbology, number>> = {
  'EAN-13': 13,
  'UPC-A': 12,
  'UPC-E': 8,
  'EAN-8': 8,
  'ITF-14': 14,
};

/** Reads s[start, end) as the given symbology's digits and verifies the check digit. */
export function readRetail(
  s: string,
  start: number,
  end: number,
  symbology: RetailSymbology,
): RetailResult {
  const len = end - start;
  if (len !== LENGTHS[symbology] || firstNonDigit(s, start, end) >= 0) {
    return {
      symbology,
      gtin14: null,
      error: gs1Error(
        'invalid-retail-data',
        `${symbology} data must be ${LENGTHS[symbology]} digits, got "${s.slice(start, end)}"`,
        '01',
        start,
      ),
    };
  }
  const digits = s.slice(start, end);
  let full = digits;
  if (symbology === 'UPC-E') {
    const expanded = expandUpcE(digits);
    if (!expanded) {
      return {
        symbology,
        gtin14: null,
        error: gs1Error(
          'invalid-retail-data',
          `UPC-E data must start with 0 or 1, got "${digits}"`,
          '01',
          start,
        ),
      };
    }
    full = expanded;
  }
  const gtin14 = full.padStart(14, '0');
  const expected = expectedCheckDigit(full, 0, full.length);
  const got = full.charCodeAt(full.length - 1) - 48;
  const error =
    expected === got
      ? null
      : gs1Error(
          'check-digit',
          `${symbology} check digit is wrong: expected ${expected}, got ${got}`,
          '01',
          end - 1,
        );
  return { symbology, gtin14, error };
}

/** The (01) item for a retail GTIN, so retail scans go through the same association rules. */
export function gtinItem(gtin14: string, position: number): ParsedAi | null {
  const entry = aiTable().byCode.get('01');
  return entry ? { entry, value: gtin14, position } : null;
}
