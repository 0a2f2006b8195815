/**
 * GS1 character sets as 128-entry lookup tables indexed by char code (built once at module load):
 * a table lookup per character is the cheapest check in the hot path, with no regex.
 * GS1 General Specifications §7.11 (Figures 7.11-1 to 7.11-3).
 */

/** CSET 82 in GS1 order; the index of a character is its value for the check pair (§7.9.5). */
export const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
export const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const CSET64 = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

const IN_CSET82 = table(CSET82);
const IN_CSET39 = table(CSET39);
const IN_CSET64 = table(CSET64);

/** CSET 82 value + 1 of each character (0 = not in CSET 82), for the check-pair sum. */
export const CSET82_VALUE_PLUS_ONE: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let i = 0; i < CSET82.length; i++) t[CSET82.charCodeAt(i)] = i + 1;
  return t;
})();

/**
 * Index of the first character in [start, end) outside the set, or -1.
 * Codes of 128 and above (any non-ASCII character) are outside every GS1 set.
 */
function firstOutside(t: Uint8Array, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || t[c] === 0) return i;
  }
  return -1;
}

export function firstNonDigit(s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return i;
  }
  return -1;
}

export function firstOutsideCset82(s: string, start: number, end: number): number {
  return firstOutside(IN_CSET82, s, start, end);
}

export function firstOutsideCset39(s: string, start: number, end: number): number {
  return firstOutside(IN_CSET39, s, start, end);
}

export function firstOutsideCset64(s: string, start: number, end: number): number {
  return firstOutside(IN_CSET64, s, start, end);
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character for messages: printable ASCII as itself, anything else as U+XXXX (GS shows as <GS>). */
export function describeChar(s: string, i: number): string {
  const c = s.codePointAt(i) ?? 0;
  if (c === 29) return '<GS>';
  if (c >= 33 && c < 127) return `'${String.fromCharCode(c)}'`;
  if (c === 32) return 'a space';
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
