export interface Migration {
  /** 1, 2, 3… forward only; the database records every one it ran. */
  version: number;
  name: string;
  sql: string;
}
