/**
 * ISO 2859-1:1999 Table 1 (= ANSI/ASQ Z1.4 Table I, MIL-STD-105E Table I): sample size code letters.
 *
 * We keep ISO 2859-1 ourselves: no maintained npm library implements it with the switching rules,
 * and the tables are small enough to carry as data and check cell by cell (see tables.test.ts).
 */
import { SamplingError } from './errors';

export const INSPECTION_LEVELS = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

/** The standard skips I and O so that they cannot be misread as 1 and 0. */
export const CODE_LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'Q',
  'R',
] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

/**
 * One row per lot-size range. `letters` holds one letter per inspection level, in the order of
 * INSPECTION_LEVELS (S-1, S-2, S-3, S-4, I, II, III), exactly as the printed row reads left to right.
 * `maxLotSize` is the upper bound of the range (inclusive); the last row is open-ended.
 */
interface CodeLetterRow {
  readonly minLotSize: number;
  readonly maxLotSize: number;
  readonly letters: string;
}

export const TABLE_1_CODE_LETTERS: readonly CodeLetterRow[] = [
  { minLotSize: 2, maxLotSize: 8, letters: 'AAAAAAB' },
  { minLotSize: 9, maxLotSize: 15, letters: 'AAAAABC' },
  { minLotSize: 16, maxLotSize: 25, letters: 'AABBBCD' },
  { minLotSize: 26, maxLotSize: 50, letters: 'ABBCCDE' },
  { minLotSize: 51, maxLotSize: 90, letters: 'BBCCCEF' },
  { minLotSize: 91, maxLotSize: 150, letters: 'BBCDDFG' },
  { minLotSize: 151, maxLotSize: 280, letters: 'BCDEEGH' },
  { minLotSize: 281, maxLotSize: 500, letters: 'BCDEFHJ' },
  { minLotSize: 501, maxLotSize: 1200, letters: 'CCEFGJK' },
  { minLotSize: 1201, maxLotSize: 3200, letters: 'CDEGHKL' },
  { minLotSize: 3201, maxLotSize: 10000, letters: 'CDFGJLM' },
  { minLotSize: 10001, maxLotSize: 35000, letters: 'CDFHKMN' },
  { minLotSize: 35001, maxLotSize: 150000, letters: 'DEGJLNP' },
  { minLotSize: 150001, maxLotSize: 500000, letters: 'DEGJMPQ' },
  { minLotSize: 500001, maxLotSize: Number.POSITIVE_INFINITY, letters: 'DEHKNQR' },
];

export function isInspectionLevel(value: unknown): value is InspectionLevel {
  return typeof value === 'string' && (INSPECTION_LEVELS as readonly string[]).includes(value);
}

export function isCodeLetter(value: unknown): value is CodeLetter {
  return typeof value === 'string' && (CODE_LETTERS as readonly string[]).includes(value);
}

/** Reads an inspection level typed by a person or sent by another process ("ii", " S-3 "). */
export function parseInspectionLevel(text: string): InspectionLevel {
  const normalised = text.trim().toUpperCase();
  if (isInspectionLevel(normalised)) return normalised;
  throw new SamplingError(
    'unknown-inspection-level',
    `"${text}" is not an inspection level. Use one of ${INSPECTION_LEVELS.join(', ')} (general level II is the usual choice).`,
  );
}

export function assertValidLotSize(lotSize: number): void {
  if (!Number.isSafeInteger(lotSize) || lotSize < 1) {
    throw new SamplingError(
      'invalid-lot-size',
      `The lot size must be a whole number of units, at least 1 (got ${String(lotSize)}).`,
    );
  }
}

/**
 * Table 1 lookup. Table 1 starts at lot size 2; a lot of one unit is given code letter A (n = 2),
 * which always turns into 100 % inspection of that single unit.
 */
export function codeLetterFor(lotSize: number, level: InspectionLevel): CodeLetter {
  assertValidLotSize(lotSize);
  const checkedLevel = isInspectionLevel(level) ? level : parseInspectionLevel(String(level));
  const row =
    TABLE_1_CODE_LETTERS.find((r) => lotSize <= r.maxLotSize) ?? TABLE_1_CODE_LETTERS.at(-1);
  const letter = row?.letters[INSPECTION_LEVELS.indexOf(checkedLevel)];
  if (!isCodeLetter(letter)) {
    // Unreachable with the table above; kept so that a damaged table fails loudly, not silently.
    throw new Error(`Table 1 has no code letter for lot size ${lotSize}, level ${checkedLevel}`);
  }
  return letter;
}
