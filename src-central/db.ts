import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyStream } from 'pg-copy-streams';

/** What repositories need from a connection: one query at a time, rows as plain objects. */
export interface Queryable {
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * `COPY … FROM STDIN` (text format) of these lines, on a PostgreSQL server: the bulk path for
   * event batches. Absent on PGlite, whose callers use a multi-row INSERT instead.
   */
  copyFrom?(sql: string, lines: Iterable<string>): Promise<void>;
}

/**
 * The central database, embedded (PGlite) or a PostgreSQL server (pg.Pool): the same SQL runs on
 * both. `transaction` runs `fn` on ONE connection between BEGIN and COMMIT (ROLLBACK if it
 * throws), so row locks taken inside it hold until the commit.
 */
export interface CentralDb extends Queryable {
  readonly backend: 'pglite' | 'postgres';
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export interface CentralDbOptions {
  /** PostgreSQL connection string; without it PGlite keeps its files in `<dataDir>/pgdata`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

/**
 * pg returns BIGINT (and COUNT) as a string to avoid silent precision loss, PGlite as a number.
 * Every BIGINT we read is a seq, a cursor or a count, far below 2^53: convert, and fail loudly
 * if that ever stops being true.
 */
export function toInt(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new Error(`expected a safe integer from the database, got ${String(value)}`);
  }
  return n;
}

export async function openCentralDb(options: CentralDbOptions): Promise<CentralDb> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  if (!options.dataDir) throw new Error('the central database needs a data directory or a URL');
  return openPglite(join(options.dataDir, 'pgdata'));
}

async function openPglite(dir: string): Promise<CentralDb> {
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  return {
    backend: 'pglite',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    // PGlite has one connection; its transaction() keeps every other query out until it ends.
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          async query<T extends object>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<T>(sql, [...params])).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => db.close(),
  };
}

function openPostgres(url: string): CentralDb {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server emits 'error' on the pool: without a listener that
  // would crash the process; the next query simply gets a fresh connection.
  pool.on('error', () => undefined);
  const run = async <T extends object>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly unknown[],
  ): Promise<T[]> => (await client.query<T>(sql, [...params])).rows;
  return {
    backend: 'postgres',
    query: (sql, params = []) => run(pool, sql, params),
    // No parameters: pg uses the simple protocol, which accepts several statements.
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params = []) => run(client, sql, params),
          async exec(sql: string) {
            await client.query(sql);
          },
          async copyFrom(sql: string, lines: Iterable<string>) {
            await pipeline(Readable.from(lines), client.query(copyStream(sql)));
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
