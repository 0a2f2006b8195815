/**
 * The master tables as printed, written out here as grid rows (code letter, sample size, then one
 * cell per AQL column 0.010 … 10: "↓", "↑", "Ac Re", or blank), a different form from the letter
 * codes in tables.ts, so that a slip in either one shows up as a failing cell.
 */
import { describe, expect, it } from 'vitest';
import { CODE_LETTERS, INSPECTION_LEVELS, codeLetterFor, isCodeLetter } from './code-letters';
import { resolvePlan } from './plan';
import {
  AQL_VALUES,
  SEVERITIES,
  masterCell,
  masterSampleSize,
  masterTableRows,
  type MasterCell,
  type PlanCodeLetter,
  type Severity,
} from './tables';

// ISO 2859-1 Table 1 / Z1.4 Table I: lot size range, then S-1 S-2 S-3 S-4 | I II III.
const TABLE_I = [
  '2        8 | A A A A | A A B',
  '9       15 | A A A A | A B C',
  '16      25 | A A B B | B C D',
  '26      50 | A B B C | C D E',
  '51      90 | B B C C | C E F',
  '91     150 | B B C D | D F G',
  '151    280 | B C D E | E G H',
  '281    500 | B C D E | F H J',
  '501   1200 | C C E F | G J K',
  '1201  3200 | C D E G | H K L',
  '3201 10000 | C D F G | J L M',
  '10001 35000 | C D F H | K M N',
  '35001 150000 | D E G J | L N P',
  '150001 500000 | D E G J | M P Q',
  '500001  over | D E H K | N Q R',
];

const AQL_HEADER = '0.010|0.015|0.025|0.040|0.065|0.10|0.15|0.25|0.40|0.65|1.0|1.5|2.5|4.0|6.5|10';

// Z1.4 Table II-A / ISO 2859-1 Table 2-A, normal inspection.
const TABLE_II_A = [
  'A    2 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑',
  'B    3 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓',
  'C    5 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2',
  'D    8 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3',
  'E   13 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4',
  'F   20 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6',
  'G   32 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8',
  'H   50 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11',
  'J   80 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15',
  'K  125 |    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15|21 22',
  'L  200 |    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15|21 22|    ↑',
  'M  315 |    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15|21 22|    ↑|    ↑',
  'N  500 |    ↓|    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15|21 22|    ↑|    ↑|    ↑',
  'P  800 |    ↓|  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15|21 22|    ↑|    ↑|    ↑|    ↑',
  'Q 1250 |  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15|21 22|    ↑|    ↑|    ↑|    ↑|    ↑',
  'R 2000 |    ↑|    ↑|  1 2|  2 3|  3 4|  5 6|  7 8|10 11|14 15|21 22|    ↑|    ↑|    ↑|    ↑|    ↑|    ↑',
];

// Z1.4 Table II-B / ISO 2859-1 Table 2-B, tightened inspection (row S only serves Q and R at 0.025).
const TABLE_II_B = [
  'A    2 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓',
  'B    3 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓',
  'C    5 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓',
  'D    8 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2',
  'E   13 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3',
  'F   20 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4',
  'G   32 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6',
  'H   50 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9',
  'J   80 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13',
  'K  125 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13|18 19',
  'L  200 |    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13|18 19|    ↑',
  'M  315 |    ↓|    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13|18 19|    ↑|    ↑',
  'N  500 |    ↓|    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13|18 19|    ↑|    ↑|    ↑',
  'P  800 |    ↓|    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13|18 19|    ↑|    ↑|    ↑|    ↑',
  'Q 1250 |    ↓|  0 1|    ↓|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13|18 19|    ↑|    ↑|    ↑|    ↑|    ↑',
  'R 2000 |  0 1|    ↑|    ↓|  1 2|  2 3|  3 4|  5 6|  8 9|12 13|18 19|    ↑|    ↑|    ↑|    ↑|    ↑|    ↑',
  'S 3150 |     |     |  1 2|     |     |     |     |     |     |     |     |     |     |     |     |     ',
];

// Z1.4 Table II-C, reduced inspection (the gapped Ac/Re edition; see tables.ts).
const TABLE_II_C = [
  'A    2 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑',
  'B    2 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓',
  'C    2 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2',
  'D    3 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3',
  'E    5 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4',
  'F    8 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5',
  'G   13 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6',
  'H   20 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8',
  'J   32 |    ↓|    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10',
  'K   50 |    ↓|    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10|10 13',
  'L   80 |    ↓|    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10|10 13|    ↑',
  'M  125 |    ↓|    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10|10 13|    ↑|    ↑',
  'N  200 |    ↓|    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10|10 13|    ↑|    ↑|    ↑',
  'P  315 |    ↓|  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10|10 13|    ↑|    ↑|    ↑|    ↑',
  'Q  500 |  0 1|    ↑|    ↓|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10|10 13|    ↑|    ↑|    ↑|    ↑|    ↑',
  'R  800 |    ↑|    ↑|  0 2|  1 3|  1 4|  2 5|  3 6|  5 8| 7 10|10 13|    ↑|    ↑|    ↑|    ↑|    ↑|    ↑',
];

const PRINTED: Record<Severity, readonly string[]> = {
  normal: TABLE_II_A,
  tightened: TABLE_II_B,
  reduced: TABLE_II_C,
};

interface PrintedRow {
  row: PlanCodeLetter;
  sampleSize: number;
  cells: string[];
}

function parseGrid(lines: readonly string[]): PrintedRow[] {
  return lines.map((line) => {
    const [head = '', ...cells] = line.split('|');
    const [row = '', size = ''] = head.trim().split(/\s+/);
    const letter = [...CODE_LETTERS, 'S' as const].find((l) => l === row);
    if (letter === undefined) throw new Error(`bad row label in test grid: ${line}`);
    return { row: letter, sampleSize: Number(size), cells: cells.map((c) => c.trim()) };
  });
}

function printed(cell: MasterCell): string {
  switch (cell.kind) {
    case 'plan':
      return `${cell.accept} ${cell.reject}`;
    case 'down':
      return '↓';
    case 'up':
      return '↑';
    case 'none':
      return '';
  }
}

describe('Table I: sample size code letters', () => {
  it('matches the printed table at both ends of every lot-size range, for every level', () => {
    for (const line of TABLE_I) {
      const [range = '', special = '', general = ''] = line.split('|');
      const [from = '', to = ''] = range.trim().split(/\s+/);
      const letters = `${special} ${general}`.trim().split(/\s+/);
      expect(letters).toHaveLength(INSPECTION_LEVELS.length);
      const ends = [Number(from), to === 'over' ? 1_000_000_000 : Number(to)];
      for (const lotSize of ends) {
        INSPECTION_LEVELS.forEach((level, i) => {
          expect(codeLetterFor(lotSize, level), `${lotSize} / ${level}`).toBe(letters[i]);
        });
      }
    }
  });
});

describe.each(SEVERITIES)('master table for %s inspection', (severity) => {
  const grid = parseGrid(PRINTED[severity]);

  it('has the printed rows and sample sizes', () => {
    expect(AQL_HEADER.split('|')).toEqual([...AQL_VALUES]);
    expect(masterTableRows(severity)).toEqual(grid.map((r) => r.row));
    for (const { row, sampleSize } of grid) {
      expect(masterSampleSize(severity, row), `n of row ${row}`).toBe(sampleSize);
    }
  });

  it('matches the printed grid cell by cell', () => {
    for (const { row, cells } of grid) {
      expect(cells).toHaveLength(AQL_VALUES.length);
      AQL_VALUES.forEach((aql, i) => {
        expect(printed(masterCell(severity, row, aql)), `${severity} ${row} / AQL ${aql}`).toBe(
          cells[i],
        );
      });
    }
  });

  it('resolves every cell by walking the printed grid in the direction of the arrow', () => {
    for (const [start, { row }] of grid.entries()) {
      if (!isCodeLetter(row)) continue; // row S: no code letter points at it directly
      AQL_VALUES.forEach((aql, column) => {
        const cellAt = (i: number): string => grid[i]?.cells[column] ?? '';
        let i = start;
        let step = cellAt(i) === '↓' ? 1 : cellAt(i) === '↑' ? -1 : 0;
        // Row A's up arrow at AQL 10 has nothing above it: read downward (see plan.ts).
        if (step === -1 && i === 0) step = 1;
        while (step !== 0 && (cellAt(i) === '↓' || cellAt(i) === '↑')) i += step;
        const [accept, reject] = cellAt(i).split(' ').map(Number);
        expect(resolvePlan(severity, row, aql), `${severity} ${row} / ${aql}`).toEqual({
          planCodeLetter: grid[i]?.row,
          sampleSize: grid[i]?.sampleSize,
          accept,
          reject,
        });
      });
    }
  });
});

describe('structure of the master tables', () => {
  // Along each diagonal (same code-letter index + AQL index) the tables print one plan; reading
  // the diagonals in order, the Ac/Re pairs step through these ladders.
  const LADDERS: Record<Severity, string> = {
    normal: '0 1, 1 2, 2 3, 3 4, 5 6, 7 8, 10 11, 14 15, 21 22',
    tightened: '0 1, 1 2, 2 3, 3 4, 5 6, 8 9, 12 13, 18 19',
    reduced: '0 1, 0 2, 1 3, 1 4, 2 5, 3 6, 5 8, 7 10, 10 13',
  };

  it.each(SEVERITIES)('%s: one plan per diagonal, in ladder order', (severity) => {
    const byDiagonal = new Map<number, Set<string>>();
    masterTableRows(severity).forEach((row, r) => {
      AQL_VALUES.forEach((aql, c) => {
        const cell = masterCell(severity, row, aql);
        if (cell.kind !== 'plan') return;
        const set = byDiagonal.get(r + c) ?? new Set<string>();
        set.add(`${cell.accept} ${cell.reject}`);
        byDiagonal.set(r + c, set);
      });
    });
    const diagonals = [...byDiagonal.keys()].sort((a, b) => a - b);
    for (const d of diagonals) expect(byDiagonal.get(d)?.size, `diagonal ${d}`).toBe(1);
    expect(diagonals.map((d) => [...(byDiagonal.get(d) ?? [])][0]).join(', ')).toBe(
      LADDERS[severity],
    );
  });
});
