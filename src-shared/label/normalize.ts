/**
 * One OCR line in the three spellings the readers need. All three have the same length, so a
 * position found in one (a keyword in `upper`, a date in `digits`) cuts the others too.
 */
export interface PreparedLine {
  /** NFKC-folded text: full-width `２０２７：` becomes `2027:`; CJK is untouched. */
  readonly base: string;
  /** `base` with ASCII letters upper-cased: what keywords and month names are matched in. */
  readonly upper: string;
  /** `upper` after reading O/o as 0 and I/l as 1 inside digit runs: what dates are read from. */
  readonly digits: string;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

function asciiUpper(text: string): string {
  return text.replace(/[a-z]/g, (c) => c.toUpperCase());
}

const CONFUSABLE_DIGIT: Readonly<Record<string, string>> = { O: '0', o: '0', I: '1', l: '1' };
const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isConfusable = (c: string | undefined): boolean => c !== undefined && c in CONFUSABLE_DIGIT;

const isDateSeparator = (c: string | undefined): boolean => c !== undefined && /[-/.]/.test(c);
// A neighbouring confusable counts too: in `0l-Ol` both runs are being read as digits.
const isDigitLike = (c: string | undefined): boolean =>
  c !== undefined && (/\d/.test(c) || c in CONFUSABLE_DIGIT);

/**
 * A run with no real digit is still part of a number when it sits between date separators
 * next to digits and touches no letter: the `Ol` of `2000-01-Ol`, which would otherwise leave
 * `2000-01` to be read as a month-only date.
 */
function betweenDateParts(text: string, offset: number, length: number): boolean {
  const before = text[offset - 1];
  const after = text[offset + length];
  if (isLetter(before) || isLetter(after) || length > 4) return false;
  return (
    (isDateSeparator(before) && isDigitLike(text[offset - 2])) ||
    (isDateSeparator(after) && isDigitLike(text[offset + length + 1]))
  );
}

/**
 * Reads O/o as 0 and I/l as 1 where OCR confused them inside a number (`2O27-O3-l5`).
 * Only runs of digits and confusable letters that hold at least one real digit change, and a
 * confusable letter at the edge of a run that touches another letter stays a letter, so words
 * (`LOT`, `Oil`), lot codes (`SWO630`) and glued keywords (`EXP2O27`: the `P` is kept, the `O`
 * inside the number is read) keep their spelling. Whatever this yields must still form a valid
 * date in one of the known layouts before it is used, and the reader flags it as corrected.
 */
export function fixDigitConfusions(text: string): string {
  return text.replace(/[0-9OoIl]+/g, (run: string, offset: number) => {
    let start = 0;
    let end = run.length;
    while (start < end && isConfusable(run[start]) && isLetter(text[offset - 1])) start++;
    while (end > start && isConfusable(run[end - 1]) && isLetter(text[offset + run.length])) end--;
    const core = run.slice(start, end);
    if (!/\d/.test(core) && !betweenDateParts(text, offset, run.length)) return run;
    const fixed = core.replace(/[OoIl]/g, (c) => CONFUSABLE_DIGIT[c] ?? c);
    return run.slice(0, start) + fixed + run.slice(end);
  });
}

export function prepareLine(line: string): PreparedLine {
  const base = line.normalize('NFKC').replace(DASHES, '-').replace(/\s/g, ' ');
  const upper = asciiUpper(base);
  return { base, upper, digits: asciiUpper(fixDigitConfusions(base)) };
}
