/**
 * Error codes of the GS1 engine. They are stable: callers (UI, logs, tests, the event log) may
 * switch on them, so a code is never renamed; new codes are only added.
 */
export const GS1_ERROR_CODES = [
  // Input as a whole
  'empty-input', // nothing to parse (after the AIM identifier, if any)
  'input-too-long', // longer than the engine accepts (bounded work per scan)
  'not-gs1-data', // plain symbol content that is neither GS1 element strings nor a Digital Link
  'illegal-caret', // `^` appears in the data; it is never GS1 data (reference engine rule)
  'bracket-syntax', // malformed bracketed element string: missing `(` or `)`
  // Structure of element strings
  'unknown-ai', // no AI of the dictionary matches
  'empty-value', // an AI with no value
  'value-too-short', // fewer characters than the AI's mandatory components need
  'value-too-long', // more characters than the AI's components allow
  'missing-separator', // an AI that needs FNC1/GS is followed by more data without one
  // Content of one value (character sets and linters)
  'invalid-character', // a character outside the component's character set
  'invalid-padding', // CSET 64 `=` padding in the wrong place or amount
  'check-digit', // GS1 mod-10 check digit (csum) or a retail symbol's check digit
  'check-pair', // GS1 alphanumeric check character pair (csumalpha)
  'company-prefix', // does not start with a GS1 Company Prefix (gcppos1/gcppos2)
  'invalid-date', // not a calendar date (yymmdd, yymmd0, yyyymmdd, yyyymmd0)
  'invalid-time', // hour, minute or second out of range (hh, mi, ss, hhmi)
  'invalid-country', // ISO 3166 code (numeric, numeric or 999, alpha-2)
  'invalid-currency', // ISO 4217 numeric code
  'invalid-iban', // IBAN country, length, characters or mod-97 checksum
  'invalid-code', // a value outside a closed code list (sex, yes/no, winding, media, package…)
  'invalid-content', // any other content rule (piece of total, percent encoding, coupon…)
  // Across the AIs of one scan
  'exclusive-ais', // two AIs that may not appear together (`ex=`)
  'missing-required-ai', // an AI whose required companions are absent (`req=`)
  'repeated-ai-mismatch', // the same AI twice with different values
  'digsig-needs-serial', // (8030) with a (253)/(255)/(8003) lacking its serial component
  // GS1 Digital Link URIs
  'dl-invalid-uri', // bad character, scheme or domain
  'dl-no-primary-key', // no /AI/value pair with a primary key in the path
  'dl-convenience-name', // `/gtin/…`-style names instead of numeric AIs
  'dl-invalid-key-qualifiers', // path qualifiers not allowed for the key, or in the wrong order
  'dl-unknown-query-ai', // a numeric query parameter that is not an AI
  'dl-not-attribute', // an AI that may not be a query attribute
  'dl-attribute-in-path', // a query attribute that belongs in the path as a key qualifier
  'dl-zero-suppressed-gtin', // GTIN-8/12/13 in place of the 14-digit form
  'dl-duplicate-ai', // the same AI twice in one URI
  // Retail symbols (EAN/UPC/ITF)
  'invalid-retail-data', // wrong length or non-digits for the symbology
  // Safety net
  'internal-error', // the engine hit a bug on this input; the scan was not read (never expected)
] as const;

export type Gs1ErrorCode = (typeof GS1_ERROR_CODES)[number];

export interface Gs1Error {
  code: Gs1ErrorCode;
  /** A sentence an inspector understands, naming the AI and the value where it helps. */
  message: string;
  /** The AI the error is about, without brackets (e.g. `'17'`). */
  ai?: string;
  /** 0-based index in the input string where the problem starts (best effort for URIs). */
  position?: number;
}

/** Builds an error without `undefined` properties, so results compare cleanly in tests and logs. */
export function gs1Error(
  code: Gs1ErrorCode,
  message: string,
  ai?: string,
  position?: number,
): Gs1Error {
  const error: Gs1Error = { code, message };
  if (ai !== undefined) error.ai = ai;
  if (position !== undefined) error.position = position;
  return error;
}
