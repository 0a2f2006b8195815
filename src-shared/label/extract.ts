import { addDays, daysBetween } from '../util/dates';
import type { IsoDate } from '../util/dates';
import type { ExpiryTier } from './keywords';
import { readLabelLines } from './read-lines';
import type { DateFinding, LabelReading } from './read-lines';
import { addCalendarMonths, describeStatement, statementMonths } from './shelf-life-statement';
import type {
  LabelCandidate,
  LabelContext,
  LabelData,
  LabelWarning,
  ShelfLifeStatement,
} from './types';
import { labelWarnings } from './warnings';

const TIERS: readonly (ExpiryTier | null)[] = ['use-by', 'best-before', 'sell-by'];

/** A lone unlabelled date further ahead than this is not believed to be an expiry. */
const MAX_UNLABELLED_YEARS = 10;

interface Resolved {
  readonly value: IsoDate | null;
  /** Some keyword of this kind was followed by an ok or ambiguous date. */
  readonly seen: boolean;
  readonly conflict: boolean;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * One date from all the keyword findings of a kind. Expiry keywords are taken tier by tier
 * (use-by, then best-before, then sell-by); inside the first tier that printed a date, the
 * readable dates must agree. An ambiguous `03/04/2027` is settled by another printing of the
 * same date (`2027-04-03`) and otherwise leaves the value null: the reader never guesses.
 */
function resolveKind(
  findings: readonly DateFinding[],
  kind: 'expiry' | 'production',
  warnings: LabelWarning[],
): Resolved {
  for (const tier of kind === 'expiry' ? TIERS : [null]) {
    const dates = findings.flatMap((f) =>
      f.kind === kind && f.tier === tier && f.date && f.date.status !== 'invalid' ? [f.date] : [],
    );
    if (dates.length === 0) continue;
    const readable = unique(dates.flatMap((d) => (d.date ? [d.date] : [])));
    const ambiguous = dates.filter((d) => d.status === 'ambiguous');
    const [only] = readable;
    if (readable.length === 1 && only !== undefined) {
      const unsettled = ambiguous.filter((d) => !d.readings.includes(only));
      if (unsettled.length === 0) return { value: only, seen: true, conflict: false };
      const all = unique([only, ...unsettled.flatMap((d) => d.readings)]);
      warnings.push(labelWarnings.conflict(kind, all));
      return { value: null, seen: true, conflict: true };
    }
    if (readable.length > 1) {
      warnings.push(labelWarnings.conflict(kind, readable));
      return { value: null, seen: true, conflict: true };
    }
    const seenPairs = new Set<string>();
    for (const d of ambiguous) {
      const [dayFirst, monthFirst] = d.readings;
      if (!dayFirst || !monthFirst || seenPairs.has(dayFirst + monthFirst)) continue;
      seenPairs.add(dayFirst + monthFirst);
      warnings.push(labelWarnings.ambiguous(d.text, dayFirst, monthFirst));
    }
    return { value: null, seen: true, conflict: false };
  }
  return { value: null, seen: false, conflict: false };
}

function candidatesOf(reading: LabelReading): LabelCandidate[] {
  const fromDates = reading.dates.map((f): LabelCandidate => ({
    kind: f.kind,
    line: f.line,
    keyword: f.keyword,
    text: f.date?.text ?? '',
    value: f.date?.date ?? null,
    status: f.date?.status ?? 'no-value',
    readings: f.date?.readings ?? [],
  }));
  const fromLots = reading.lots.map((f): LabelCandidate => ({
    kind: 'lot',
    line: f.line,
    keyword: f.keyword,
    text: f.text,
    value: f.lot,
    status: f.lot ? 'ok' : 'no-value',
    readings: [],
  }));
  const fromStatements = reading.statements.map((f): LabelCandidate => ({
    kind: 'shelf-life',
    line: f.line,
    keyword: f.keyword,
    text: f.text,
    value: f.statement ? describeStatement(f.statement) : null,
    status: f.statement ? 'ok' : 'no-value',
    readings: [],
  }));
  const unlabelled = reading.unlabelled.map((f): LabelCandidate => ({
    kind: 'unlabelled-date',
    line: f.line,
    keyword: null,
    text: f.date.text,
    value: f.date.date,
    status: f.date.status,
    readings: f.date.readings,
  }));
  return [...fromDates, ...fromLots, ...fromStatements, ...unlabelled];
}

function resolveLot(reading: LabelReading, warnings: LabelWarning[]): string | null {
  const lots = unique(reading.lots.flatMap((f) => (f.lot ? [f.lot.toUpperCase()] : [])));
  if (lots.length > 1) warnings.push(labelWarnings.conflictingLots(lots));
  if (lots.length !== 1) return null;
  // Report it as printed (first printing), not upper-cased.
  return reading.lots.find((f) => f.lot?.toUpperCase() === lots[0])?.lot ?? null;
}

function resolveStatement(
  reading: LabelReading,
  warnings: LabelWarning[],
): ShelfLifeStatement | null {
  const statements = reading.statements.flatMap((f) => (f.statement ? [f.statement] : []));
  const described = unique(statements.map(describeStatement));
  if (described.length > 1) warnings.push(labelWarnings.conflictingShelfLife(described));
  return described.length === 1 ? (statements[0] ?? null) : null;
}

function addStatement(date: IsoDate, statement: ShelfLifeStatement, sign: 1 | -1): IsoDate {
  const months = statementMonths(statement);
  return months === null
    ? addDays(date, sign * statement.value)
    : addCalendarMonths(date, sign * months);
}

/**
 * The lone-date rule. With no expiry keyword, no production keyword and nothing computed,
 * a label that shows exactly one strong date (separators or a month name, four-digit year),
 * later than today and within ten years, is taken as the expiry with 'expiry-unlabelled'.
 * Anything else (a past date, two dates, an ambiguous one) is reported and left null.
 */
function unlabelledExpiry(
  reading: LabelReading,
  context: LabelContext,
  eligible: boolean,
  warnings: LabelWarning[],
): IsoDate | null {
  const strong = reading.unlabelled
    .map((f) => f.date)
    .filter((d) => d.strength === 'strong' && d.status !== 'invalid');
  if (strong.length === 0) return null;
  const readable = unique(strong.flatMap((d) => (d.date ? [d.date] : [])));
  const ambiguous = strong.filter((d) => d.status === 'ambiguous');
  const [only] = readable;
  const horizon = addCalendarMonths(context.today, 12 * MAX_UNLABELLED_YEARS);
  if (eligible && ambiguous.length === 0 && only !== undefined && readable.length === 1) {
    if (only > context.today && only <= horizon) {
      warnings.push(labelWarnings.unlabelled(only));
      const corrected = strong.find((d) => d.corrected);
      if (corrected) warnings.push(labelWarnings.corrected(corrected.text, only));
      return only;
    }
  }
  const [first] = ambiguous;
  if (eligible && readable.length === 0 && ambiguous.length === 1 && first) {
    const [dayFirst, monthFirst] = first.readings;
    if (dayFirst && monthFirst) {
      warnings.push(labelWarnings.ambiguous(first.text, dayFirst, monthFirst));
      return null;
    }
  }
  warnings.push(labelWarnings.unlabelledUnused(unique(strong.flatMap((d) => d.readings))));
  return null;
}

/**
 * Expiry, production date, shelf life and lot from the OCR lines of a label. Each value is
 * taken only when the label says what it is (a keyword), or by the documented lone-date rule;
 * whatever cannot be decided is null with a warning, never a guess.
 */
export function extractLabelData(lines: readonly string[], context: LabelContext): LabelData {
  const reading = readLabelLines(lines, context);
  const warnings: LabelWarning[] = [];
  for (const f of reading.dates) {
    if (f.date?.status === 'invalid') warnings.push(labelWarnings.invalid(f.date.text, f.keyword));
    if (f.date?.status === 'ok' && f.date.corrected && f.date.date) {
      warnings.push(labelWarnings.corrected(f.date.text, f.date.date));
    }
  }
  const printed = resolveKind(reading.dates, 'expiry', warnings);
  const made = resolveKind(reading.dates, 'production', warnings);
  const production = made.value;
  const shelfLife = resolveStatement(reading, warnings);
  const lot = resolveLot(reading, warnings);

  let expiry = printed.value;
  let expiryBasis: LabelData['expiryBasis'] = expiry ? 'printed' : null;
  const computed = production && shelfLife ? addStatement(production, shelfLife, 1) : null;
  if (expiry && computed && shelfLife && Math.abs(daysBetween(computed, expiry)) > 1) {
    // One day of difference is the "production + 12 months − 1 day" habit, not an error.
    warnings.push(labelWarnings.mismatch(expiry, computed, describeStatement(shelfLife)));
  }
  if (!expiry && computed && production && shelfLife && !printed.conflict) {
    expiry = computed;
    expiryBasis = 'computed';
    warnings.push(labelWarnings.computed(production, describeStatement(shelfLife), computed));
  }
  if (!expiry && !printed.seen && !printed.conflict) {
    const eligible = !reading.productionKeyword;
    const lone = unlabelledExpiry(reading, context, eligible, warnings);
    if (lone) {
      expiry = lone;
      expiryBasis = 'unlabelled';
    }
  }

  let shelfLifeDays: number | null = null;
  if (shelfLife?.unit === 'day') shelfLifeDays = shelfLife.value;
  else if (shelfLife && production) {
    shelfLifeDays = daysBetween(production, addStatement(production, shelfLife, 1));
  } else if (shelfLife && expiry) {
    shelfLifeDays = daysBetween(addStatement(expiry, shelfLife, -1), expiry);
  } else if (shelfLife) warnings.push(labelWarnings.unanchored(describeStatement(shelfLife)));

  if (expiry && production && expiry <= production) {
    warnings.push(labelWarnings.expiryBeforeProduction(expiry, production));
  }
  if (production && production > context.today) {
    warnings.push(labelWarnings.productionInFuture(production, context.today));
  }
  return {
    expiry,
    production,
    shelfLifeDays,
    shelfLife,
    lot,
    expiryBasis,
    warnings: warnings.map((w) => `${w.code}: ${w.text}`),
    warningDetails: warnings,
    candidates: candidatesOf(reading),
  };
}
