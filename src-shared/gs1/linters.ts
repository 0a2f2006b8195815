/**
 * The GS1 Barcode Syntax Tests ("linters") named by the dictionary, one function each.
 *
 * Each linter checks s[start, end) — one component of one AI value — without allocating on
 * success (the scan hot path), and returns null when the component passes. On failure it returns
 * the error code, the absolute position and a sentence fragment that follows the AI's name
 * ("… check digit is wrong: expected 2, got 7"). Behaviour follows the reference linters of
 * gs1-syntax-engine (release 2026-01-27); the differences are documented where they occur.
 */
import {
  CSET82_VALUE_PLUS_ONE,
  describeChar,
  firstNonDigit,
  firstOutsideCset39,
  firstOutsideCset64,
  firstOutsideCset82,
} from './charsets';
import { codeLists, isMediaType } from './code-lists';
import type { Gs1ErrorCode } from './errors';
import { fail, type LintFailure, type Linter } from './lint-result';

function num2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

export function digitsOnly(s: string, start: number, end: number): LintFailure | null {
  const bad = firstNonDigit(s, start, end);
  return bad < 0
    ? null
    : fail('invalid-character', bad, `has ${describeChar(s, bad)}, but only digits are allowed`);
}

export const csetNumeric: Linter = digitsOnly;

export const cset82: Linter = (s, start, end) => {
  const bad = firstOutsideCset82(s, start, end);
  return bad < 0
    ? null
    : fail('invalid-character', bad, `has ${describeChar(s, bad)}, which GS1 does not allow`);
};

export const cset39: Linter = (s, start, end) => {
  const bad = firstOutsideCset39(s, start, end);
  return bad < 0
    ? null
    : fail(
        'invalid-character',
        bad,
        `has ${describeChar(s, bad)}; only A-Z, 0-9, '#', '-' and '/' are allowed`,
      );
};

/** base64url; up to two `=` pads at the end, and only when the total length is a multiple of 3. */
export const cset64: Linter = (s, start, end) => {
  let pads = 0;
  while (pads < end - start && s.charCodeAt(end - 1 - pads) === 61) pads++;
  if (pads > 2 || (pads > 0 && (end - start) % 3 !== 0)) {
    return fail('invalid-padding', end - pads, `has wrong '=' padding at the end`);
  }
  const bad = firstOutsideCset64(s, start, end - pads);
  return bad < 0
    ? null
    : fail(
        'invalid-character',
        bad,
        `has ${describeChar(s, bad)}; only A-Z, a-z, 0-9, '-' and '_' are allowed`,
      );
};

/** GS1 mod-10 check digit (General Specifications §7.9.1): weights 3,1,3… from the right. */
export const csum: Linter = (s, start, end) => {
  if (end <= start) return fail('check-digit', start, 'is too short for a check digit');
  const nonDigit = digitsOnly(s, start, end);
  if (nonDigit) return nonDigit;
  let sum = 0;
  let weight = 3;
  for (let i = end - 2; i >= start; i--) {
    sum += weight * (s.charCodeAt(i) - 48);
    weight = 4 - weight;
  }
  const expected = (10 - (sum % 10)) % 10;
  const got = s.charCodeAt(end - 1) - 48;
  return expected === got
    ? null
    : fail('check-digit', end - 1, `check digit is wrong: expected ${expected}, got ${got}`);
};

const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
  101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193,
  197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307,
  311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421,
  431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509,
];
const CHECK_PAIR_CHARS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The check pair for the CSET 82 characters s[start, end), or null if one is outside CSET 82.
 * GS1 General Specifications §7.9.5: weights are primes from the right, sum mod 1021, two base-32
 * characters.
 */
export function checkPair(s: string, start: number, end: number): string | null {
  if (end - start > PRIMES.length) return null;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (CSET82_VALUE_PLUS_ONE[c] ?? 0) : 0;
    if (v === 0) return null;
    sum += (v - 1) * (PRIMES[end - 1 - i] ?? 0);
  }
  sum %= 1021;
  return CHECK_PAIR_CHARS.charAt(sum >> 5) + CHECK_PAIR_CHARS.charAt(sum & 31);
}

export const csumalpha: Linter = (s, start, end) => {
  const len = end - start;
  if (len < 2) return fail('check-pair', start, 'is too short for its two check characters');
  if (len > PRIMES.length + 2) return fail('check-pair', start, 'is too long for a check pair');
  const got = s.slice(end - 2, end);
  // A lone pair has nothing to check; the specification's value for it is "22".
  const expected = len === 2 ? '22' : checkPair(s, start, end - 2);
  if (expected === null) return cset82(s, start, end);
  return expected === got
    ? null
    : fail('check-pair', end - 2, `check characters are wrong: expected ${expected}, got ${got}`);
};

/** Starts with a GS1 Company Prefix: at least 4 characters, the first 4 digits (no GCP lookup). */
export const gcppos1: Linter = (s, start, end) => {
  if (end - start < 4) {
    return fail('company-prefix', start, 'is too short to start with a GS1 Company Prefix');
  }
  const bad = firstNonDigit(s, start, start + 4);
  return bad < 0
    ? null
    : fail('company-prefix', bad, 'does not start with a GS1 Company Prefix (4 or more digits)');
};

/** As gcppos1 from the 2nd character, skipping an indicator or extension digit. */
export const gcppos2: Linter = (s, start, end) =>
  end - start < 2
    ? fail('company-prefix', start, 'is too short to hold a GS1 Company Prefix')
    : gcppos1(s, start + 1, end);

function numeric3(s: string, start: number, end: number): number {
  return end - start === 3 && firstNonDigit(s, start, end) < 0
    ? num2(s, start) * 10 + (s.charCodeAt(start + 2) - 48)
    : -1;
}

export const iso3166: Linter = (s, start, end) => {
  const code = numeric3(s, start, end);
  return code >= 0 && codeLists().iso3166Numeric[code] === 1
    ? null
    : fail('invalid-country', start, `${s.slice(start, end)} is not an ISO 3166 country code`);
};

export const iso3166999: Linter = (s, start, end) =>
  numeric3(s, start, end) === 999
    ? null
    : iso3166(s, start, end) &&
      fail(
        'invalid-country',
        start,
        `${s.slice(start, end)} is not an ISO 3166 country code or 999`,
      );

export const iso3166alpha2: Linter = (s, start, end) =>
  end - start === 2 && codeLists().iso3166Alpha2.has(s.slice(start, end))
    ? null
    : fail(
        'invalid-country',
        start,
        `${s.slice(start, end)} is not an ISO 3166 alpha-2 country code`,
      );

export const iso4217: Linter = (s, start, end) => {
  const code = numeric3(s, start, end);
  return code >= 0 && codeLists().iso4217Numeric[code] === 1
    ? null
    : fail('invalid-currency', start, `${s.slice(start, end)} is not an ISO 4217 currency code`);
};

/** One character from a fixed set, e.g. "0129" for ISO 5218. */
function oneOf(
  allowed: string,
  code: Gs1ErrorCode,
  text: (v: string) => string,
): (s: string, start: number, end: number) => LintFailure | null {
  return (s, start, end) =>
    end - start === 1 && allowed.includes(s.charAt(start))
      ? null
      : fail(code, start, text(s.slice(start, end)));
}

export const iso5218: Linter = oneOf(
  '0129',
  'invalid-code',
  (v) => `${v} is not a sex code (0, 1, 2 or 9; ISO 5218)`,
);
export const yesno: Linter = oneOf('01', 'invalid-code', (v) => `${v} must be 0 or 1`);
export const winding: Linter = oneOf('019', 'invalid-code', (v) => `${v} must be 0, 1 or 9`);
export const importeridx: Linter = oneOf(
  '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
  'invalid-code',
  (v) => `${v} is not an importer index (one of -, 0-9, A-Z, _, a-z)`,
);

export const zero: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== 48) return fail('invalid-code', start, 'must be 0');
  }
  return end > start ? null : fail('invalid-code', start, 'must be 0');
};

export const nonzero: Linter = (s, start, end) => {
  const nonDigit = digitsOnly(s, start, end);
  if (nonDigit) return nonDigit;
  for (let i = start; i < end; i++) if (s.charCodeAt(i) !== 48) return null;
  return fail('invalid-content', start, `${s.slice(start, end)} must not be zero`);
};

export const nozeroprefix: Linter = (s, start, end) =>
  end > start && s.charCodeAt(start) === 48
    ? fail('invalid-content', start, `${s.slice(start, end)} must not start with 0`)
    : digitsOnly(s, start, end);

export const hasnondigit: Linter = (s, start, end) =>
  firstNonDigit(s, start, end) >= 0
    ? null
    : fail('invalid-content', start, 'must contain at least one character that is not a digit');

export const hyphen: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== 45) return fail('invalid-content', i, `may only be '-' here`);
  }
  return end > start ? null : fail('invalid-content', start, `must be '-'`);
};

/** Compares two equal-length digit runs as numbers: -1, 0 or 1. */
function compareDigits(s: string, a: number, b: number, len: number): number {
  for (let i = 0; i < len; i++) {
    const d = s.charCodeAt(a + i) - s.charCodeAt(b + i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function allZero(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

export const pieceoftotal: Linter = (s, start, end) => {
  const nonDigit = digitsOnly(s, start, end);
  if (nonDigit) return nonDigit;
  const len = end - start;
  const v = s.slice(start, end);
  if (len === 0 || len % 2 !== 0) {
    return fail(
      'invalid-content',
      start,
      `${v} must be a piece number and a total of equal length`,
    );
  }
  const half = len / 2;
  if (allZero(s, start, start + half)) return fail('invalid-content', start, `${v}: piece is 0`);
  if (allZero(s, start + half, end)) return fail('invalid-content', start, `${v}: total is 0`);
  return compareDigits(s, start, start + half, half) > 0
    ? fail('invalid-content', start, `${v}: piece number exceeds the total`)
    : null;
};

/** `pos/end`, digits without leading zeros, pos ≤ end. */
export const posinseqslash: Linter = (s, start, end) => {
  const v = s.slice(start, end);
  const slash = v.indexOf('/');
  const pos = v.slice(0, slash);
  const total = v.slice(slash + 1);
  const malformed = fail('invalid-content', start, `${v} must be "position/total", e.g. 1/2`);
  if (slash <= 0 || total === '' || firstNonDigit(pos, 0, pos.length) >= 0) return malformed;
  if (firstNonDigit(total, 0, total.length) >= 0) return malformed;
  if (pos.startsWith('0') || total.startsWith('0')) {
    return fail('invalid-content', start, `${v} must not have leading zeros`);
  }
  const exceeds = pos.length > total.length || (pos.length === total.length && pos > total);
  return exceeds ? fail('invalid-content', start, `${v}: position exceeds the total`) : null;
};

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Every `%` starts a %XX escape (the value is percent-encoded text, e.g. a name). */
export const pcenc: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== 37) continue;
    if (i + 2 >= end || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
      return fail('invalid-content', i, `has a '%' that is not followed by two hex digits`);
    }
    i += 2;
  }
  return null;
};

function boundedTenDigits(max: number, what: string): Linter {
  return (s, start, end) => {
    if (end - start !== 10) return fail('invalid-content', start, `${what} must have 10 digits`);
    const nonDigit = digitsOnly(s, start, end);
    if (nonDigit) return nonDigit;
    return Number(s.slice(start, end)) > max
      ? fail('invalid-content', start, `${what} ${s.slice(start, end)} is out of range`)
      : null;
  };
}

export const latitude: Linter = boundedTenDigits(1800000000, 'latitude');
export const longitude: Linter = boundedTenDigits(3600000000, 'longitude');

export const mediatype: Linter = (s, start, end) =>
  end - start === 2 && firstNonDigit(s, start, end) < 0 && isMediaType(num2(s, start))
    ? null
    : fail('invalid-code', start, `${s.slice(start, end)} is not an AIDC media type code`);

export const packagetype: Linter = (s, start, end) =>
  codeLists().packageTypes.has(s.slice(start, end))
    ? null
    : fail('invalid-code', start, `${s.slice(start, end)} is not a GS1 package type code`);

const IBAN_MAX = 34;
/** The reference's floor: no IBAN is this short (Norway's 15 is the shortest in use). */
const IBAN_MIN_EXCLUSIVE = 10;

/** IBAN (ISO 13616): country, length, characters, mod-97 = 1. */
export const iban: Linter = (s, start, end) => {
  const len = end - start;
  const v = s.slice(start, end);
  if (len < 4) return fail('invalid-iban', start, `IBAN ${v} is too short`);
  const country = s.slice(start, start + 2);
  if (!codeLists().iso3166Alpha2.has(country)) {
    return fail('invalid-iban', start, `IBAN ${v} does not start with a country code`);
  }
  if (len > IBAN_MAX) return fail('invalid-iban', start, `IBAN ${v} is too long`);
  if (len <= IBAN_MIN_EXCLUSIVE) return fail('invalid-iban', start, `IBAN ${v} is too short`);
  const expected = codeLists().ibanLengths.get(country);
  if (expected !== undefined && expected !== len) {
    return fail('invalid-iban', start, `IBAN ${v} must have ${expected} characters for ${country}`);
  }
  // Move the first four characters to the end; letters count as 10-35; remainder must be 1.
  let rem = 0;
  for (let k = 0; k < len; k++) {
    const i = start + ((k + 4) % len);
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return fail('invalid-iban', i, `IBAN has ${describeChar(s, i)}; only 0-9 and A-Z`);
  }
  return rem === 1 ? null : fail('invalid-iban', start + 2, `IBAN ${v} has wrong check digits`);
};
