/**
 * GS1 element strings: unbracketed scanner data (FNC1 transmitted as ASCII 29, GS) and the
 * human-readable bracketed form `(01)…(17)…`. GS1 General Specifications §7.8 (FNC1 and
 * predefined-length AIs) and §3.2 (element strings).
 *
 * Both parsers work on index ranges of the caller's string, so positions in errors are positions
 * in the input, and nothing is copied except the values that end up in the result.
 */
import type { ParsedAi } from './associations';
import { aiAtPosition, aiTable, type AiEntry } from './dictionary';
import { gs1Error, type Gs1Error } from './errors';
import { describeChar } from './charsets';
import { subjectOf } from './messages';
import { validateValue } from './validate-value';

export const GS = '\x1d';
const GS_CODE = 29;
const OPEN_PAREN = 40;
const BACKSLASH = 92;

export interface ParseSink {
  readonly items: ParsedAi[];
  readonly errors: Gs1Error[];
}

/**
 * Unbracketed data in s[start, end) (no AIM identifier, no leading FNC1). Returns false when the
 * structure could not be followed to the end; values with content errors are still returned.
 */
export function parseUnbracketed(s: string, start: number, end: number, out: ParseSink): boolean {
  const table = aiTable();
  let pos = start;
  if (pos >= end) {
    out.errors.push(gs1Error('empty-input', 'The scan holds no GS1 data', undefined, pos));
    return false;
  }
  while (pos < end) {
    const entry = aiAtPosition(table, s, pos, end);
    if (!entry) {
      out.errors.push(unknownAiAt(s, pos, end));
      return false;
    }
    const valueStart = pos + entry.ai.length;
    let valueEnd: number;
    if (entry.predefinedLength) {
      // Predefined length: the value ends after maxLength characters (or at a stray GS).
      const limit = Math.min(end, valueStart + entry.maxLength);
      valueEnd = valueStart;
      while (valueEnd < limit && s.charCodeAt(valueEnd) !== GS_CODE) valueEnd++;
    } else {
      valueEnd = s.indexOf(GS, valueStart);
      if (valueEnd < 0 || valueEnd > end) valueEnd = end;
      if (valueEnd - valueStart > entry.maxLength) {
        out.errors.push(missingSeparator(entry, valueStart));
        return false;
      }
    }
    if (valueEnd === valueStart) {
      out.errors.push(
        gs1Error('empty-value', `${subjectOf(entry)} has no value`, entry.ai, valueStart),
      );
      return false;
    }
    const error = validateValue(entry, s, valueStart, valueEnd);
    if (error) out.errors.push(error);
    out.items.push({ entry, value: s.slice(valueStart, valueEnd), position: pos });
    pos = valueEnd;
    // Skip the FNC1 after the value; tolerated even after a predefined-length AI or at the end.
    if (pos < end && s.charCodeAt(pos) === GS_CODE) pos++;
  }
  return true;
}

function missingSeparator(entry: AiEntry, valueStart: number): Gs1Error {
  return gs1Error(
    'missing-separator',
    `AI (${entry.ai}) needs a separator before the next AI (its value has at most ${entry.maxLength} characters)`,
    entry.ai,
    valueStart + entry.maxLength,
  );
}

function unknownAiAt(s: string, pos: number, end: number): Gs1Error {
  if (s.charCodeAt(pos) === GS_CODE) {
    return gs1Error('unknown-ai', 'Two separators (GS) in a row: an AI is missing', undefined, pos);
  }
  let digits = 0;
  while (digits < 4 && pos + digits < end && isDigit(s.charCodeAt(pos + digits))) digits++;
  const seen =
    digits > 0 ? `"${s.slice(pos, pos + digits)}"` : `${describeChar(s, pos)} where an AI belongs`;
  return gs1Error('unknown-ai', `No known GS1 AI starts with ${seen}`, undefined, pos);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Bracketed element strings in s[start, end): `(AI)value…`, where `\(` in a value is a literal
 * `(`. Unknown AIs are rejected (the reference engine's default).
 */
export function parseBracketed(s: string, start: number, end: number, out: ParseSink): boolean {
  const table = aiTable();
  let pos = start;
  while (pos < end) {
    if (s.charCodeAt(pos) !== OPEN_PAREN) {
      out.errors.push(
        gs1Error(
          'bracket-syntax',
          `Expected "(" to start an AI at position ${pos + 1}`,
          undefined,
          pos,
        ),
      );
      return false;
    }
    const close = s.indexOf(')', pos + 1);
    if (close < 0 || close >= end) {
      out.errors.push(
        gs1Error('bracket-syntax', 'An AI is missing its closing ")"', undefined, pos),
      );
      return false;
    }
    const ai = s.slice(pos + 1, close);
    const entry = table.byCode.get(ai);
    if (!entry) {
      out.errors.push(gs1Error('unknown-ai', `(${ai}) is not a known GS1 AI`, undefined, pos));
      return false;
    }
    // The value runs to the next "(" that is not escaped as "\(".
    const valueStart = close + 1;
    let scan = valueStart;
    let value = '';
    let from = valueStart;
    for (;;) {
      let next = s.indexOf('(', scan);
      if (next < 0 || next > end) next = end;
      if (next < end && next > valueStart && s.charCodeAt(next - 1) === BACKSLASH) {
        value += s.slice(from, next - 1) + '(';
        from = next + 1;
        scan = next + 1;
        continue;
      }
      value += s.slice(from, next);
      scan = next;
      break;
    }
    const error = validateValue(entry, value, 0, value.length, valueStart);
    if (error) out.errors.push(error);
    out.items.push({ entry, value, position: pos });
    pos = scan;
  }
  return true;
}

/** Raw element-string data with GS after every AI that needs one (no AIM id, no leading FNC1). */
export function gs1ElementString(fields: readonly { ai: string; value: string }[]): string {
  const table = aiTable();
  let out = '';
  fields.forEach((field, i) => {
    out += field.ai + field.value;
    const predefined = table.byCode.get(field.ai)?.predefinedLength ?? false;
    if (!predefined && i < fields.length - 1) out += GS;
  });
  return out;
}

/** Human-readable `(01)…(10)…`, with `(` inside values escaped as `\(`. */
export function bracketed(fields: readonly { ai: string; value: string }[]): string {
  let out = '';
  for (const field of fields) out += `(${field.ai})${field.value.replaceAll('(', '\\(')}`;
  return out;
}
