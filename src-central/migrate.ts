import { toInt, type CentralDb } from './db';
import { MIGRATIONS, type Migration } from './migrations/index';

export class SchemaMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaMismatchError';
  }
}

/**
 * Brings the schema up to date, one transaction per migration (its DDL and its row in
 * schema_migrations commit together). A database that has a migration this code does not know
 * was written by a newer head office: starting would risk corrupting it, so we refuse.
 */
export async function migrateCentral(
  db: CentralDb,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ applied: number[] }> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  );
  const done = new Set(
    (await db.query<{ version: unknown }>('SELECT version FROM schema_migrations')).map((r) =>
      toInt(r.version),
    ),
  );
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) {
    throw new SchemaMismatchError(
      `The central database has migration(s) ${unknown.join(', ')} that this version does not know: ` +
        'it was upgraded by a newer head office. Run that version (or restore a backup).',
    );
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      // Two nodes starting together: the second waits here and then finds the row.
      await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (again.length > 0) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    });
  }
  return { applied };
}
