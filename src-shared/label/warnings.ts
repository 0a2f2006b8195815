import type { IsoDate } from '../util/dates';
import type { LabelWarning, LabelWarningCode } from './types';

const w = (code: LabelWarningCode, text: string, dates: readonly IsoDate[] = []): LabelWarning => ({
  code,
  text,
  dates,
});

/** Every warning the label reader gives, with its English text in one place. */
export const labelWarnings = {
  ambiguous: (text: string, dayFirst: IsoDate, monthFirst: IsoDate) =>
    w(
      'ambiguous-date',
      `"${text}" could be ${dayFirst} (day first) or ${monthFirst} (month first); enter the date by hand`,
      [dayFirst, monthFirst],
    ),
  invalid: (text: string, keyword: string) =>
    w('invalid-date', `"${text}" after "${keyword}" is not a calendar date`),
  corrected: (text: string, date: IsoDate) =>
    w('ocr-corrected', `read "${text}" as ${date} (O/I/l taken for digits); check the label`, [
      date,
    ]),
  unlabelled: (date: IsoDate) =>
    w(
      'expiry-unlabelled',
      `${date} is the only date on the label and has no keyword; taken as the expiry`,
      [date],
    ),
  unlabelledUnused: (dates: readonly IsoDate[]) =>
    w(
      'unlabelled-date',
      `date${dates.length === 1 ? '' : 's'} without a keyword not used: ${dates.join(', ')}`,
      dates,
    ),
  conflict: (what: 'expiry' | 'production', dates: readonly IsoDate[]) =>
    w(
      what === 'expiry' ? 'conflicting-expiry' : 'conflicting-production',
      `the label prints different ${what} dates: ${dates.join(', ')}`,
      dates,
    ),
  conflictingLots: (lots: readonly string[]) =>
    w('conflicting-lot', `the label prints different lots: ${lots.join(', ')}`),
  conflictingShelfLife: (statements: readonly string[]) =>
    w('conflicting-shelf-life', `the label states different shelf lives: ${statements.join(', ')}`),
  computed: (production: IsoDate, statement: string, expiry: IsoDate) =>
    w(
      'expiry-computed',
      `no expiry printed; ${expiry} computed from production ${production} + ${statement}`,
      [expiry],
    ),
  mismatch: (printed: IsoDate, computed: IsoDate, statement: string) =>
    w(
      'shelf-life-mismatch',
      `printed expiry ${printed} does not match production + ${statement} = ${computed}`,
      [printed, computed],
    ),
  unanchored: (statement: string) =>
    w(
      'shelf-life-unanchored',
      `shelf life of ${statement} stated, but no date to count the months from`,
    ),
  expiryBeforeProduction: (expiry: IsoDate, production: IsoDate) =>
    w('expiry-before-production', `expiry ${expiry} is not after production ${production}`, [
      expiry,
      production,
    ]),
  productionInFuture: (production: IsoDate, today: IsoDate) =>
    w('production-in-future', `production date ${production} is after today ${today}`, [
      production,
    ]),
} satisfies Record<string, (...args: never[]) => LabelWarning>;
