/** A CSV table before it is written: a header and rows of plain cells (see csv-export.ts). */
export type Cell = string | number | null;

export interface Table {
  columns: readonly string[];
  rows: Cell[][];
}

export const yesNo = (flag: boolean | number | null | undefined) => (flag ? 'yes' : 'no');
