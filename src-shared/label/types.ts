import type { IsoDate } from '../util/dates';
import type { DayOrderContext } from './day-order';

export interface LabelContext extends DayOrderContext {
  /** The station's date: it sets the century of two-digit years and tells future from past. */
  readonly today: IsoDate;
}

/**
 * The printed layout a date was read in. `dmy` is "two numbers then the year" (`03/04/2027`),
 * day-first or month-first; `*-spaced` use spaces as separators; `mon` is a month name;
 * `my-compact` is `MMYYYY`, the way OCR reads `06 2027` when it drops the space.
 */
export type DatePattern =
  | 'ymd-cjk'
  | 'ym-cjk'
  | 'ymd'
  | 'ymd-compact'
  | 'ymd-spaced'
  | 'ym'
  | 'y-mon-d'
  | 'y-mon'
  | 'd-mon-y'
  | 'mon-d-y'
  | 'mon-y'
  | 'dmy'
  | 'dmy-spaced'
  | 'my'
  | 'my-spaced'
  | 'my-compact';

export type LabelDateStatus = 'ok' | 'ambiguous' | 'invalid';

export interface LabelDate {
  readonly status: LabelDateStatus;
  /** Null unless status is 'ok'. A month-only date is the last day of its month. */
  readonly date: IsoDate | null;
  /** ok: [date]; ambiguous: [day-first reading, month-first reading]; invalid: []. */
  readonly readings: readonly IsoDate[];
  readonly precision: 'day' | 'month';
  readonly pattern: DatePattern;
  /**
   * Strong: separators, a month name or 年月日, and a four-digit year. Weak (digits only,
   * spaces as separators, two-digit years, a decimal-looking `2027.5`) looks too much like
   * other numbers to be read as a date unless a keyword says a date follows.
   */
  readonly strength: 'strong' | 'weak';
  /** The text as printed (after full-width folding), before any O/I/l correction. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True when an O, I or l was read as a digit to get this date. */
  readonly corrected: boolean;
}

export type ShelfLifeUnit = 'day' | 'month' | 'year';

export interface ShelfLifeStatement {
  readonly value: number;
  readonly unit: ShelfLifeUnit;
}

export type LabelWarningCode =
  | 'ambiguous-date'
  | 'invalid-date'
  | 'ocr-corrected'
  | 'expiry-unlabelled'
  | 'unlabelled-date'
  | 'conflicting-expiry'
  | 'conflicting-production'
  | 'conflicting-lot'
  | 'conflicting-shelf-life'
  | 'expiry-computed'
  | 'shelf-life-mismatch'
  | 'shelf-life-unanchored'
  | 'expiry-before-production'
  | 'production-in-future';

export interface LabelWarning {
  readonly code: LabelWarningCode;
  /** English text for the inspector and the log. */
  readonly text: string;
  /** The dates the warning is about (both readings of an ambiguous date…). */
  readonly dates: readonly IsoDate[];
}

export type CandidateKind = 'expiry' | 'production' | 'lot' | 'shelf-life' | 'unlabelled-date';

/** One thing the reader saw, kept for debugging and for the inspector's "why" panel. */
export interface LabelCandidate {
  readonly kind: CandidateKind;
  /** Index into the input lines. */
  readonly line: number;
  /** The keyword as printed, or null for a date with no keyword. */
  readonly keyword: string | null;
  /** The value as printed: a date, a lot, "12个月". Empty when the keyword had no value. */
  readonly text: string;
  /** What it was read as: an IsoDate, the lot, "12 month". Null when unreadable. */
  readonly value: string | null;
  readonly status: LabelDateStatus | 'no-value';
  readonly readings: readonly IsoDate[];
}

export interface LabelData {
  readonly expiry: IsoDate | null;
  readonly production: IsoDate | null;
  /** From a statement such as 保质期：12个月; months are counted from the production date. */
  readonly shelfLifeDays: number | null;
  readonly shelfLife: ShelfLifeStatement | null;
  readonly lot: string | null;
  /** How the expiry was found: printed after a keyword, computed, or a lone unlabelled date. */
  readonly expiryBasis: 'printed' | 'computed' | 'unlabelled' | null;
  /** `code: English text`, one per warning. */
  readonly warnings: readonly string[];
  readonly warningDetails: readonly LabelWarning[];
  readonly candidates: readonly LabelCandidate[];
}
