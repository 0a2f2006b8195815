/**
 * ISO 2859-1:1999 Tables 2-A, 2-B and 2-C (= ANSI/ASQ Z1.4-2003/2008 Tables II-A, II-B, II-C, and
 * MIL-STD-105E): single sampling plans for normal, tightened and reduced inspection (master tables),
 * AQL columns 0.010 to 10 (percent nonconforming).
 *
 * Why this is hand-kept data: no maintained npm library implements ISO 2859-1 with its switching
 * rules, so we carry the master tables ourselves, as data, and test them cell by cell against the
 * printed grids written out in another form (tables.test.ts).
 *
 * Table II-C is the ANSI/ASQ Z1.4 (and ISO 2859-1:1989, MIL-STD-105E) edition, whose reduced plans
 * have a gap between Ac and Re (0/2, 1/3, 1/4, 2/5, 3/6, 5/8, 7/10, 10/13). A lot whose count falls
 * in that gap is accepted but normal inspection is reinstated (Z1.4 §8.3.4 b and §10.1.4). The
 * 1999 edition of ISO 2859-1 replaced these with Re = Ac + 1; we keep the gapped edition on purpose.
 *
 * The AQL columns 15 to 1000 (nonconformities per 100 units) are not carried: the public sources we
 * could check disagree on the top rows (code letters A to C) of the reduced table there, and a
 * scheme whose reduced plans we cannot vouch for must not switch to reduced inspection.
 *
 * Encoding: one string per row (code letter), one character per AQL column, left to right from
 * 0.010 to 10. `v` = arrow down (use the first plan below), `^` = arrow up (use the first plan
 * above), `.` = no entry, and a letter a, b, c… = the n-th Ac/Re pair of that table's ladder below.
 *
 * Cross-checked (all 3 × 256 cells, after following the arrows) against the resolved matrices of the
 * CRAN package AQLSchemes (J. Lawson, R/AAZ14Single.R), and for the corner cells against the AQL
 * Inspector's Rule manual notes (aqlinspectorsrule.com) and the MIL-STD-105E level II/III extracts in
 * nibs.org AC-TABLE.ASC. See plan.ts for the two arrows that point off the table.
 */
import type { CodeLetter } from './code-letters';

export const AQL_VALUES = [
  '0.010',
  '0.015',
  '0.025',
  '0.040',
  '0.065',
  '0.10',
  '0.15',
  '0.25',
  '0.40',
  '0.65',
  '1.0',
  '1.5',
  '2.5',
  '4.0',
  '6.5',
  '10',
] as const;
/** An AQL column heading, spelled as printed (percent nonconforming). */
export type Aql = (typeof AQL_VALUES)[number];

export const SEVERITIES = ['normal', 'tightened', 'reduced'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rows of the master tables: the code letters plus S, which only Table II-B has (n = 3150). */
export type PlanCodeLetter = CodeLetter | 'S';

export interface AcRe {
  readonly accept: number;
  readonly reject: number;
}

export type MasterCell =
  | { readonly kind: 'plan'; readonly accept: number; readonly reject: number }
  | { readonly kind: 'down' }
  | { readonly kind: 'up' }
  | { readonly kind: 'none' };

interface MasterTable {
  readonly name: string;
  readonly sampleSizes: Readonly<Partial<Record<PlanCodeLetter, number>>>;
  /** The Ac/Re pairs the table uses, in increasing order; row letters a, b, c… index into it. */
  readonly ladder: readonly (readonly [number, number])[];
  readonly rows: Readonly<Partial<Record<PlanCodeLetter, string>>>;
}

const TABLE_2A_NORMAL: MasterTable = {
  name: 'Table II-A (normal inspection)',
  sampleSizes: {
    A: 2,
    B: 3,
    C: 5,
    D: 8,
    E: 13,
    F: 20,
    G: 32,
    H: 50,
    J: 80,
    K: 125,
    L: 200,
    M: 315,
    N: 500,
    P: 800,
    Q: 1250,
    R: 2000,
  },
  ladder: [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [5, 6],
    [7, 8],
    [10, 11],
    [14, 15],
    [21, 22],
  ],
  rows: {
    A: 'vvvvvvvvvvvvvva^',
    B: 'vvvvvvvvvvvvva^v',
    C: 'vvvvvvvvvvvva^vb',
    D: 'vvvvvvvvvvva^vbc',
    E: 'vvvvvvvvvva^vbcd',
    F: 'vvvvvvvvva^vbcde',
    G: 'vvvvvvvva^vbcdef',
    H: 'vvvvvvva^vbcdefg',
    J: 'vvvvvva^vbcdefgh',
    K: 'vvvvva^vbcdefghi',
    L: 'vvvva^vbcdefghi^',
    M: 'vvva^vbcdefghi^^',
    N: 'vva^vbcdefghi^^^',
    P: 'va^vbcdefghi^^^^',
    Q: 'a^vbcdefghi^^^^^',
    R: '^^bcdefghi^^^^^^',
  },
};

const TABLE_2B_TIGHTENED: MasterTable = {
  name: 'Table II-B (tightened inspection)',
  sampleSizes: { ...TABLE_2A_NORMAL.sampleSizes, S: 3150 },
  ladder: [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [5, 6],
    [8, 9],
    [12, 13],
    [18, 19],
  ],
  rows: {
    A: 'vvvvvvvvvvvvvvvv',
    B: 'vvvvvvvvvvvvvvav',
    C: 'vvvvvvvvvvvvvavv',
    D: 'vvvvvvvvvvvvavvb',
    E: 'vvvvvvvvvvvavvbc',
    F: 'vvvvvvvvvvavvbcd',
    G: 'vvvvvvvvvavvbcde',
    H: 'vvvvvvvvavvbcdef',
    J: 'vvvvvvvavvbcdefg',
    K: 'vvvvvvavvbcdefgh',
    L: 'vvvvvavvbcdefgh^',
    M: 'vvvvavvbcdefgh^^',
    N: 'vvvavvbcdefgh^^^',
    P: 'vvavvbcdefgh^^^^',
    Q: 'vavvbcdefgh^^^^^',
    R: 'a^vbcdefgh^^^^^^',
    // Row S exists only to receive the arrows of code letters Q and R at AQL 0.025.
    S: '..b.............',
  },
};

const TABLE_2C_REDUCED: MasterTable = {
  name: 'Table II-C (reduced inspection)',
  sampleSizes: {
    A: 2,
    B: 2,
    C: 2,
    D: 3,
    E: 5,
    F: 8,
    G: 13,
    H: 20,
    J: 32,
    K: 50,
    L: 80,
    M: 125,
    N: 200,
    P: 315,
    Q: 500,
    R: 800,
  },
  ladder: [
    [0, 1],
    [0, 2],
    [1, 3],
    [1, 4],
    [2, 5],
    [3, 6],
    [5, 8],
    [7, 10],
    [10, 13],
  ],
  rows: {
    A: 'vvvvvvvvvvvvvva^',
    B: 'vvvvvvvvvvvvva^v',
    C: 'vvvvvvvvvvvva^vb',
    D: 'vvvvvvvvvvva^vbc',
    E: 'vvvvvvvvvva^vbcd',
    F: 'vvvvvvvvva^vbcde',
    G: 'vvvvvvvva^vbcdef',
    H: 'vvvvvvva^vbcdefg',
    J: 'vvvvvva^vbcdefgh',
    K: 'vvvvva^vbcdefghi',
    L: 'vvvva^vbcdefghi^',
    M: 'vvva^vbcdefghi^^',
    N: 'vva^vbcdefghi^^^',
    P: 'va^vbcdefghi^^^^',
    Q: 'a^vbcdefghi^^^^^',
    R: '^^bcdefghi^^^^^^',
  },
};

const MASTER_TABLES: Readonly<Record<Severity, MasterTable>> = {
  normal: TABLE_2A_NORMAL,
  tightened: TABLE_2B_TIGHTENED,
  reduced: TABLE_2C_REDUCED,
};

/** Rows of each table, top to bottom, as printed. */
export function masterTableRows(severity: Severity): readonly PlanCodeLetter[] {
  return Object.keys(MASTER_TABLES[severity].rows).filter(isPlanRow(severity));
}

function isPlanRow(severity: Severity) {
  return (key: string): key is PlanCodeLetter => key in MASTER_TABLES[severity].rows;
}

export function masterTableName(severity: Severity): string {
  return MASTER_TABLES[severity].name;
}

/** Sample size printed against a row, or undefined for a row the table does not have. */
export function masterSampleSize(severity: Severity, row: PlanCodeLetter): number | undefined {
  return MASTER_TABLES[severity].sampleSizes[row];
}

/** The cell at (row, AQL column) exactly as printed, before any arrow is followed. */
export function masterCell(severity: Severity, row: PlanCodeLetter, aql: Aql): MasterCell {
  const table = MASTER_TABLES[severity];
  const symbol = table.rows[row]?.[AQL_VALUES.indexOf(aql)];
  switch (symbol) {
    case undefined:
    case '.':
      return { kind: 'none' };
    case 'v':
      return { kind: 'down' };
    case '^':
      return { kind: 'up' };
    default: {
      const pair = table.ladder[symbol.charCodeAt(0) - 'a'.charCodeAt(0)];
      if (!pair) throw new Error(`${table.name}: unknown cell symbol "${symbol}" in row ${row}`);
      return { kind: 'plan', accept: pair[0], reject: pair[1] };
    }
  }
}
