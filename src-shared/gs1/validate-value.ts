/**
 * Checks one AI value against its dictionary entry: overall length, then each component's
 * character set and linters, in dictionary order, stopping at the first failure (as the
 * reference engine does) so one bad value yields one clear message.
 */
import type { AiEntry, Gs1LinterName } from './dictionary';
import { gs1Error, type Gs1Error } from './errors';
import { LINTERS } from './linter-registry';
import type { LintFailure, Linter } from './lint-result';
import { cset39, cset64, cset82, csetNumeric } from './linters';
import { lengthPhrase, subjectOf } from './messages';

const CSET_LINTER: Readonly<Record<'N' | 'X' | 'Y' | 'Z', Linter>> = {
  N: csetNumeric,
  X: cset82,
  Y: cset39,
  Z: cset64,
};

/**
 * Validates s[start, end) as the value of `entry`. `offset` maps positions in `s` to positions
 * in the caller's input (0 when `s` is the input itself; Digital Link values are decoded copies).
 */
export function validateValue(
  entry: AiEntry,
  s: string,
  start: number,
  end: number,
  offset = 0,
): Gs1Error | null {
  const len = end - start;
  if (len === 0) {
    return gs1Error('empty-value', `${subjectOf(entry)} has no value`, entry.ai, start + offset);
  }
  if (len < entry.minLength || len > entry.maxLength) {
    return gs1Error(
      len < entry.minLength ? 'value-too-short' : 'value-too-long',
      `${subjectOf(entry)} must have ${lengthPhrase(entry)}, got ${len}`,
      entry.ai,
      start + offset,
    );
  }
  let p = start;
  for (const comp of entry.components) {
    const compLen = Math.min(end - p, comp.maxLength);
    // An optional component is used only if data is left; all later ones are optional too.
    if (compLen === 0 && comp.optional) break;
    if (compLen < comp.minLength) {
      return gs1Error(
        'value-too-short',
        `${subjectOf(entry)} ${s.slice(start, end)} ends in an incomplete part (it needs ${comp.minLength} characters, got ${compLen})`,
        entry.ai,
        p + offset,
      );
    }
    const failure =
      CSET_LINTER[comp.type](s, p, p + compLen) ?? runLinters(comp.linters, s, p, p + compLen);
    if (failure) {
      return gs1Error(
        failure.code,
        `${subjectOf(entry)} ${failure.text}`,
        entry.ai,
        failure.position + offset,
      );
    }
    p += compLen;
  }
  return null;
}

function runLinters(
  names: readonly Gs1LinterName[],
  s: string,
  a: number,
  b: number,
): LintFailure | null {
  for (const name of names) {
    const failure = LINTERS[name](s, a, b);
    if (failure) return failure;
  }
  return null;
}
