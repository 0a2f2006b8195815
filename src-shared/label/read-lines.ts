import { dateAt, lineDayOrder, scanDates, startsWithMonthName } from './date-formats';
import type { DayOrder } from './day-order';
import { findKeywords } from './keywords';
import type { ExpiryTier, KeywordHit } from './keywords';
import { readLot } from './lot';
import { prepareLine } from './normalize';
import type { PreparedLine } from './normalize';
import { readShelfLifeStatement } from './shelf-life-statement';
import type { LabelContext, LabelDate, ShelfLifeStatement } from './types';

/** A date keyword and what followed it (null: nothing date-shaped). */
export interface DateFinding {
  readonly kind: 'expiry' | 'production';
  readonly tier: ExpiryTier | null;
  readonly keyword: string;
  readonly line: number;
  readonly date: LabelDate | null;
}

export interface LotFinding {
  readonly keyword: string;
  readonly line: number;
  readonly lot: string | null;
  readonly text: string;
}

export interface StatementFinding {
  readonly keyword: string;
  readonly line: number;
  readonly statement: ShelfLifeStatement | null;
  readonly text: string;
}

export interface UnlabelledFinding {
  readonly line: number;
  readonly date: LabelDate;
}

/** Everything seen on the label, before any decision about which value to believe. */
export interface LabelReading {
  readonly dates: DateFinding[];
  readonly lots: LotFinding[];
  readonly statements: StatementFinding[];
  readonly unlabelled: UnlabelledFinding[];
  /** A production keyword was printed, with or without a readable date. */
  productionKeyword: boolean;
}

interface LineState {
  readonly line: PreparedLine;
  readonly order: DayOrder | null;
  readonly hits: readonly KeywordHit[];
}

const SEPARATORS = /[\s:.#,/-]*/y;

function skipSeparators(text: string, pos: number): number {
  SEPARATORS.lastIndex = pos;
  return SEPARATORS.exec(text) ? SEPARATORS.lastIndex : pos;
}

/** The date that starts right after `pos`, past separators (`EXP: 2027…`, `有效期至：2027…`). */
function leadingDate(
  { line, order }: Pick<LineState, 'line' | 'order'>,
  pos: number,
  end: number,
  context: LabelContext,
): LabelDate | null {
  const start = skipSeparators(line.digits, pos);
  return start < end ? dateAt(line, start, end, context, order) : null;
}

function prepareState(text: string, context: LabelContext): LineState {
  const line = prepareLine(text);
  const order = lineDayOrder(line, context);
  const hits = findKeywords(line, {
    dateFollows: (pos) => leadingDate({ line, order }, pos, line.digits.length, context) !== null,
    monthNameAt: (pos) => startsWithMonthName(line.upper.slice(pos)),
  });
  return { line, order, hits };
}

/**
 * Reads every line into findings. `claimedUntil` marks a leading date that the previous
 * line's keyword took, so it is not also counted as a date without a keyword.
 */
export function readLabelLines(lines: readonly string[], context: LabelContext): LabelReading {
  const states = lines.map((text) => prepareState(text, context));
  const reading: LabelReading = {
    dates: [],
    lots: [],
    statements: [],
    unlabelled: [],
    productionKeyword: false,
  };
  const claimedUntil = new Map<number, number>();

  const unlabelledIn = (index: number, from: number, to: number): void => {
    const state = states[index];
    if (!state) return;
    const start = Math.max(from, claimedUntil.get(index) ?? 0);
    for (const date of scanDates(state.line, start, to, context, state.order)) {
      reading.unlabelled.push({ line: index, date });
    }
  };

  /** "EXP:" at the end of a line, the date on the next: OCR splits lines often. */
  const dateOnNextLine = (index: number): LabelDate | null => {
    const next = states[index + 1];
    if (!next) return null;
    const limit = next.hits[0]?.start ?? next.line.digits.length;
    const date = leadingDate(next, 0, limit, context);
    if (date) claimedUntil.set(index + 1, date.end);
    return date;
  };

  states.forEach((state, index) => {
    const { line, hits } = state;
    const lineEnd = line.digits.length;
    unlabelledIn(index, 0, hits[0]?.start ?? lineEnd);
    hits.forEach((hit, k) => {
      const end = hits[k + 1]?.start ?? lineEnd;
      const region = line.base.slice(hit.end, end);
      switch (hit.kind) {
        case 'expiry':
        case 'production': {
          if (hit.kind === 'production') reading.productionKeyword = true;
          const inRegion = scanDates(line, hit.end, end, context, state.order)[0] ?? null;
          // Only the last keyword of a line may reach into the next: in `EXP/有效期至：…` the
          // EXP shares its date with the keyword that follows, not with the next line.
          const last = k === hits.length - 1;
          const date = inRegion ?? (last && !/\d/.test(region) ? dateOnNextLine(index) : null);
          reading.dates.push({
            kind: hit.kind,
            tier: hit.tier,
            keyword: hit.text,
            line: index,
            date,
          });
          if (inRegion) unlabelledIn(index, inRegion.end, end);
          break;
        }
        case 'shelf-life': {
          // 保质期 / 有效期 introduce a date as often as a duration: 有效期：2027.08.01.
          const date = leadingDate(state, hit.end, end, context);
          if (date) {
            const tier = hit.text.startsWith('有效') ? 'use-by' : 'best-before';
            reading.dates.push({ kind: 'expiry', tier, keyword: hit.text, line: index, date });
            unlabelledIn(index, date.end, end);
          } else {
            const statement = readShelfLifeStatement(line.digits.slice(hit.end, end));
            reading.statements.push({
              keyword: hit.text,
              line: index,
              statement,
              text: region.trim(),
            });
          }
          break;
        }
        case 'lot': {
          const lot = readLot(region);
          reading.lots.push({
            keyword: hit.text,
            line: index,
            lot: lot?.value ?? null,
            text: region.trim(),
          });
          unlabelledIn(index, lot ? hit.end + lot.offset + lot.value.length : hit.end, end);
          break;
        }
      }
    });
  });
  return reading;
}
