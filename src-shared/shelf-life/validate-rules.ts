import type { RemovalBand, ShelfLifeRules } from './rules';

export type RuleProblemCode =
  | 'no-bands'
  | 'invalid-band'
  | 'negative-window'
  | 'gap'
  | 'overlap'
  | 'not-open-ended'
  | 'invalid-alert'
  | 'invalid-fraction';

/**
 * One thing wrong with a rule table. `rows` are 1-based positions in the table as the QC
 * manager entered it, so the editor can point at them; `message` is the English text.
 */
export interface RuleProblem {
  readonly code: RuleProblemCode;
  readonly message: string;
  readonly rows: readonly number[];
}

const isWholeDays = (n: number): boolean => Number.isInteger(n) && n >= 0;

function range(from: number, to: number | null): string {
  if (to === null) return `${from} ${from === 1 ? 'day' : 'days'} and more`;
  if (from === to) return `${from} ${from === 1 ? 'day' : 'days'}`;
  return `${from}–${to} days`;
}

function hasSoundBounds(band: RemovalBand): boolean {
  return (
    Number.isInteger(band.minDays) &&
    band.minDays >= 1 &&
    (band.maxDays === null || (Number.isInteger(band.maxDays) && band.maxDays >= band.minDays))
  );
}

function checkRow(band: RemovalBand, row: number): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!Number.isInteger(band.minDays) || band.minDays < 1) {
    problems.push({
      code: 'invalid-band',
      message: `Row ${row}: the minimum must be a whole number of days, at least 1 (got ${band.minDays}).`,
      rows: [row],
    });
  } else if (!hasSoundBounds(band)) {
    problems.push({
      code: 'invalid-band',
      message: `Row ${row}: the maximum must be a whole number of days, at least the minimum ${band.minDays} (got ${band.maxDays}), or empty for "and more".`,
      rows: [row],
    });
  }
  if (!Number.isInteger(band.removalWindowDays)) {
    problems.push({
      code: 'invalid-band',
      message: `Row ${row}: the removal window must be a whole number of days (got ${band.removalWindowDays}).`,
      rows: [row],
    });
  } else if (band.removalWindowDays < 0) {
    problems.push({
      code: 'negative-window',
      message: `Row ${row}: the removal window cannot be negative (got ${band.removalWindowDays} days).`,
      rows: [row],
    });
  }
  return problems;
}

/** Rows sorted by minimum must tile 1..∞: each starts the day after the previous one ends. */
function checkCoverage(rows: readonly { band: RemovalBand; row: number }[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const sorted = [...rows].sort(
    (a, b) =>
      a.band.minDays - b.band.minDays ||
      (a.band.maxDays ?? Infinity) - (b.band.maxDays ?? Infinity),
  );
  let next = 1; // the first total shelf life no row has covered yet
  let coveringRow = 0; // the row that covered the days just below `next`
  for (const { band, row } of sorted) {
    const end = band.maxDays ?? Infinity;
    if (band.minDays > next) {
      problems.push({
        code: 'gap',
        message: `No row covers ${range(next, band.minDays - 1)}.`,
        rows: coveringRow ? [coveringRow, row] : [row],
      });
    } else if (band.minDays < next) {
      const overlapEnd = Math.min(end, next - 1);
      problems.push({
        code: 'overlap',
        message: `Rows ${coveringRow} and ${row} overlap: ${range(band.minDays, overlapEnd === Infinity ? null : overlapEnd)} ${band.minDays === overlapEnd ? 'is' : 'are'} in both.`,
        rows: [coveringRow, row],
      });
    }
    if (end + 1 > next) {
      next = end + 1;
      coveringRow = row;
    }
  }
  if (next !== Infinity) {
    problems.push({
      code: 'not-open-ended',
      message: `No row covers ${range(next, null)}: leave the maximum of the last row empty.`,
      rows: coveringRow ? [coveringRow] : [],
    });
  }
  return problems;
}

function checkAlert(rules: ShelfLifeRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { daysBeforeRemoval, shortShelfLife } = rules.alert;
  if (!isWholeDays(daysBeforeRemoval)) {
    problems.push({
      code: 'invalid-alert',
      message: `The alert lead must be a whole number of days, 0 or more (got ${daysBeforeRemoval}).`,
      rows: [],
    });
  }
  if (shortShelfLife) {
    if (!Number.isInteger(shortShelfLife.belowTotalDays) || shortShelfLife.belowTotalDays < 1) {
      problems.push({
        code: 'invalid-alert',
        message: `The short-shelf-life threshold must be a whole number of days, at least 1 (got ${shortShelfLife.belowTotalDays}).`,
        rows: [],
      });
    }
    if (!isWholeDays(shortShelfLife.daysBeforeRemoval)) {
      problems.push({
        code: 'invalid-alert',
        message: `The short-shelf-life alert lead must be a whole number of days, 0 or more (got ${shortShelfLife.daysBeforeRemoval}).`,
        rows: [],
      });
    }
  }
  return problems;
}

function checkFraction(rules: ShelfLifeRules): RuleProblem[] {
  const { num, den } = rules.acceptance.minRemainingFraction;
  // Above 1 no lot could ever be accepted; a zero denominator has no meaning.
  if (Number.isInteger(num) && Number.isInteger(den) && den >= 1 && num >= 0 && num <= den) {
    return [];
  }
  return [
    {
      code: 'invalid-fraction',
      message: `The minimum remaining share must be a fraction between 0 and 1 with whole numbers (got ${num}/${den}).`,
      rows: [],
    },
  ];
}

/** Every problem in a rule table; an empty list means the table is usable. */
export function validateRules(rules: ShelfLifeRules): RuleProblem[] {
  if (rules.bands.length === 0) {
    return [
      { code: 'no-bands', message: 'The removal table has no rows.', rows: [] },
      ...checkAlert(rules),
      ...checkFraction(rules),
    ];
  }
  const rows = rules.bands.map((band, i) => ({ band, row: i + 1 }));
  return [
    ...rows.flatMap(({ band, row }) => checkRow(band, row)),
    // Coverage is only meaningful over rows whose bounds are themselves sound.
    ...checkCoverage(rows.filter(({ band }) => hasSoundBounds(band))),
    ...checkAlert(rules),
    ...checkFraction(rules),
  ];
}
