import { formatIsoDate, isValidYmd, lastDayOfMonth, parseIsoDate } from '../util/dates';
import type { IsoDate } from '../util/dates';
import { dayOrderFor } from './day-order';
import type { DayOrder } from './day-order';
import { prepareLine } from './normalize';
import type { PreparedLine } from './normalize';
import type { DatePattern, LabelContext, LabelDate } from './types';

const MONTH =
  '(JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|[O0]CT(?:OBER)?|N[O0]V(?:EMBER)?|DEC(?:EMBER)?)(?![A-Z])';
const MONTH_ABBR = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];

/** A month name at the start of `text` (used to let `EXPMAR2027` through as a keyword). */
const MONTH_AT_START = new RegExp(`^${MONTH}`);
export const startsWithMonthName = (text: string): boolean => MONTH_AT_START.test(text);

function monthNumber(name: string): number {
  return MONTH_ABBR.indexOf(name.slice(0, 3).replace('0', 'O')) + 1;
}

/** What a pattern's groups say, before the year window and validity are applied. */
type Parts =
  | { readonly kind: 'ymd'; readonly year: string; readonly month: number; readonly day: number }
  | { readonly kind: 'ym'; readonly year: string; readonly month: number }
  | { readonly kind: 'either'; readonly a: number; readonly b: number; readonly year: string };

interface PatternSpec {
  readonly name: DatePattern;
  readonly startsWith: 'digit' | 'letter';
  readonly re: RegExp;
  /** Space-only separators and bare digit runs are weak whatever the year looks like. */
  readonly weak: boolean;
  readonly parts: (g: readonly string[]) => Parts;
}

const n = (s: string | undefined): number => Number(s ?? 'NaN');
const g = (m: readonly string[], i: number): string => m[i] ?? '';
const spec = (
  name: DatePattern,
  startsWith: 'digit' | 'letter',
  source: string,
  weak: boolean,
  parts: (m: readonly string[]) => Parts,
): PatternSpec => ({ name, startsWith, re: new RegExp(source, 'y'), weak, parts });

// Tried in this order at each position; the first that matches wins, so full dates come
// before month-only ones and unambiguous year-first layouts before day/month ones.
const PATTERNS: readonly PatternSpec[] = [
  spec(
    'ymd-cjk',
    'digit',
    String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?`,
    false,
    (m) => ({ kind: 'ymd', year: g(m, 1), month: n(m[2]), day: n(m[3]) }),
  ),
  spec('ym-cjk', 'digit', String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月`, false, (m) => ({
    kind: 'ym',
    year: g(m, 1),
    month: n(m[2]),
  })),
  spec(
    'ymd',
    'digit',
    String.raw`(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)`,
    false,
    (m) => ({ kind: 'ymd', year: g(m, 1), month: n(m[3]), day: n(m[4]) }),
  ),
  spec(
    'y-mon-d',
    'digit',
    String.raw`(\d{4})\s*[-/.]?\s*${MONTH}\.?\s*[-/.]?\s*(\d{1,2})(?!\d)`,
    false,
    (m) => ({ kind: 'ymd', year: g(m, 1), month: monthNumber(g(m, 2)), day: n(m[3]) }),
  ),
  spec('ymd-compact', 'digit', String.raw`(\d{4})(\d{2})(\d{2})(?!\d)`, true, (m) => ({
    kind: 'ymd',
    year: g(m, 1),
    month: n(m[2]),
    day: n(m[3]),
  })),
  spec('ymd-spaced', 'digit', String.raw`(\d{4}) +(\d{1,2}) +(\d{1,2})(?![\d.\/-])`, true, (m) => ({
    kind: 'ymd',
    year: g(m, 1),
    month: n(m[2]),
    day: n(m[3]),
  })),
  spec(
    'ym',
    'digit',
    String.raw`(\d{4})\s*[-/.]\s*(\d{1,2})(?!\s*[-/.]?\s*\d)(?!\s*[-/.]\s*[OIL])`,
    false,
    (m) => ({
      kind: 'ym',
      year: g(m, 1),
      month: n(m[2]),
    }),
  ),
  spec(
    'y-mon',
    'digit',
    String.raw`(\d{4})\s*[-/.]?\s*${MONTH}\.?(?!\s*[-/.]?\s*\d)`,
    false,
    (m) => ({ kind: 'ym', year: g(m, 1), month: monthNumber(g(m, 2)) }),
  ),
  spec(
    'd-mon-y',
    'digit',
    String.raw`(\d{1,2})\s*[-/.]?\s*${MONTH}\.?\s*[-/.,']?\s*(\d{4}|\d{2})(?!\d)`,
    false,
    (m) => ({ kind: 'ymd', year: g(m, 3), month: monthNumber(g(m, 2)), day: n(m[1]) }),
  ),
  spec(
    'mon-d-y',
    'letter',
    String.raw`${MONTH}\.?\s*[-/.]?\s*(\d{1,2})(?:ST|ND|RD|TH)?\s*[-/.,]?\s*(\d{4})(?!\d)`,
    false,
    (m) => ({ kind: 'ymd', year: g(m, 3), month: monthNumber(g(m, 1)), day: n(m[2]) }),
  ),
  spec('mon-y', 'letter', String.raw`${MONTH}\.?\s*[-/.,']?\s*(\d{4})(?!\d)`, false, (m) => ({
    kind: 'ym',
    year: g(m, 2),
    month: monthNumber(g(m, 1)),
  })),
  spec(
    'dmy',
    'digit',
    String.raw`(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)`,
    false,
    (m) => ({ kind: 'either', a: n(m[1]), b: n(m[3]), year: g(m, 4) }),
  ),
  spec('dmy-spaced', 'digit', String.raw`(\d{1,2}) +(\d{1,2}) +(\d{4})(?!\d)`, true, (m) => ({
    kind: 'either',
    a: n(m[1]),
    b: n(m[2]),
    year: g(m, 3),
  })),
  spec(
    'my',
    'digit',
    String.raw`(?<![\dOIL]\s*[-/.]\s*)(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)`,
    false,
    (m) => ({
      kind: 'ym',
      year: g(m, 2),
      month: n(m[1]),
    }),
  ),
  spec(
    'my-spaced',
    'digit',
    String.raw`(?<![\dOIL]\s*[-/.]\s*)(\d{1,2}) +(\d{4})(?!\d)`,
    true,
    (m) => ({
      kind: 'ym',
      year: g(m, 2),
      month: n(m[1]),
    }),
  ),
  // `Use by 06 2027` comes out of OCR as `Useby062027`: the recognition model often drops a
  // word space. Six digits are read as MMYYYY only when they cannot be anything else: a month
  // 01–12 and a year 19xx–21xx, which leaves `19`/`20`/`21` as the middle pair, never a month,
  // so the DDMMYY and YYMMDD readings are both impossible. Weak, so only after a keyword.
  spec('my-compact', 'digit', String.raw`(0[1-9]|1[0-2])((?:19|20|21)\d{2})(?!\d)`, true, (m) => ({
    kind: 'ym',
    year: g(m, 2),
    month: n(m[1]),
  })),
];

// Four-digit years outside this range are not dates at all (a part number, a price):
// the pattern is skipped rather than reported as an impossible date.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * Two-digit years fall in today's century: with today in 2000–2099 that is 2000–2099, so
 * `15.03.27` is 2027 and `01.01.99` is 2099. A label's dates are near today, and a fixed
 * window cannot silently move a date into another century the way a sliding one can.
 */
function fullYear(year: string, today: IsoDate): number {
  if (year.length === 4) return Number(year);
  const todayYear = parseIsoDate(today)?.year ?? 2000;
  return Math.floor(todayYear / 100) * 100 + Number(year);
}

function ymd(year: number, month: number, day: number): IsoDate | null {
  return isValidYmd({ year, month, day }) ? formatIsoDate({ year, month, day }) : null;
}

function ym(year: number, month: number): IsoDate | null {
  return month >= 1 && month <= 12 && year >= 1 ? lastDayOfMonth(year, month) : null;
}

/** `2027.5` or `03.2027` read as a month is just as likely a decimal number (2027.5 kJ). */
const isDecimalLike = (pattern: DatePattern, text: string): boolean =>
  (pattern === 'ym' || pattern === 'my') && text.includes('.');

interface Reading {
  readonly status: LabelDate['status'];
  readonly readings: readonly IsoDate[];
  readonly precision: LabelDate['precision'];
}

function read(parts: Parts, year: number, order: DayOrder | null): Reading {
  const done = (date: IsoDate | null, precision: Reading['precision']): Reading =>
    date === null
      ? { status: 'invalid', readings: [], precision }
      : { status: 'ok', readings: [date], precision };
  switch (parts.kind) {
    case 'ymd':
      return done(ymd(year, parts.month, parts.day), 'day');
    case 'ym':
      return done(ym(year, parts.month), 'month');
    case 'either': {
      const dayFirst = ymd(year, parts.b, parts.a);
      const monthFirst = ymd(year, parts.a, parts.b);
      // Only one reading is a calendar date (15/03/2027), or both are the same (03/03/2027).
      if (dayFirst === null || monthFirst === null || dayFirst === monthFirst) {
        return done(dayFirst ?? monthFirst, 'day');
      }
      if (order !== null) return done(order === 'day-first' ? dayFirst : monthFirst, 'day');
      return { status: 'ambiguous', readings: [dayFirst, monthFirst], precision: 'day' };
    }
  }
}

/** The date that starts exactly at `pos`, or null. `end` bounds the match (a region's end). */
export function dateAt(
  line: PreparedLine,
  pos: number,
  end: number,
  context: LabelContext,
  order: DayOrder | null,
): LabelDate | null {
  const text = line.digits.slice(0, end);
  const startsWith = /\d/.test(text[pos] ?? '') ? 'digit' : 'letter';
  for (const p of PATTERNS) {
    if (p.startsWith !== startsWith) continue;
    p.re.lastIndex = pos;
    const m = p.re.exec(text);
    if (!m) continue;
    const parts = p.parts(m);
    if (
      parts.year.length === 4 &&
      (Number(parts.year) < MIN_YEAR || Number(parts.year) > MAX_YEAR)
    ) {
      continue;
    }
    const reading = read(parts, fullYear(parts.year, context.today), order);
    const matchEnd = pos + m[0].trimEnd().length;
    return {
      ...reading,
      date: reading.status === 'ok' ? (reading.readings[0] ?? null) : null,
      pattern: p.name,
      strength:
        p.weak || parts.year.length !== 4 || isDecimalLike(p.name, m[0]) ? 'weak' : 'strong',
      text: line.base.slice(pos, matchEnd),
      start: pos,
      end: matchEnd,
      corrected: line.upper.slice(pos, matchEnd) !== text.slice(pos, matchEnd),
    };
  }
  return null;
}

/**
 * A hint printed on the label itself ("EXP (DD/MM/YYYY)", "JJ/MM/AAAA", "MM/DD/YY") beats the
 * language and market; a line carrying both hints says nothing.
 */
export function formatHint(upper: string): DayOrder | null {
  const dayFirst = /(?<![A-Z])(?:DD|JJ|TT)\s*[-/.]?\s*MM/.test(upper);
  const monthFirst = /(?<![A-Z])MM\s*[-/.]?\s*(?:DD|JJ|TT)/.test(upper);
  if (dayFirst === monthFirst) return null;
  return dayFirst ? 'day-first' : 'month-first';
}

/** The order to read `03/04/2027` in on this line: its own hint, else language and market. */
export function lineDayOrder(line: PreparedLine, context: LabelContext): DayOrder | null {
  return formatHint(line.upper) ?? dayOrderFor(context);
}

/**
 * Every date in `line.digits[from, to)`. A date starts only where a number or a word starts
 * (or at `from`: after a glued keyword such as `EXP20270630`), never in the middle of one.
 */
export function scanDates(
  line: PreparedLine,
  from: number,
  to: number,
  context: LabelContext,
  order: DayOrder | null,
): LabelDate[] {
  const found: LabelDate[] = [];
  const text = line.digits;
  let i = from;
  while (i < to) {
    const c = text[i] ?? '';
    const prev = i > from ? (text[i - 1] ?? '') : '';
    const starts = (/\d/.test(c) && !/\d/.test(prev)) || (/[A-Z]/.test(c) && !/[A-Z]/.test(prev));
    const date = starts ? dateAt(line, i, to, context, order) : null;
    if (date) {
      found.push(date);
      i = date.end;
    } else {
      i++;
    }
  }
  return found;
}

/**
 * The first date in a piece of label text (`15/03/2027`, `2027年3月`, `EXP 03/2027`…), read
 * with the same rules as `extractLabelData`; null when nothing in it has the shape of a date.
 */
export function parseLabelDate(text: string, context: LabelContext): LabelDate | null {
  const line = prepareLine(text);
  return scanDates(line, 0, line.digits.length, context, lineDayOrder(line, context))[0] ?? null;
}
