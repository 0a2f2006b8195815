import type { Db } from './database';
import { migrations, type Migration } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This database was written by a newer Intake QC Station (schema ${found}; this version knows up to ${known}). ` +
        'Install the newer version, or restore a backup made by this one.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationStatus {
  current: number;
  latest: number;
  pending: Migration[];
}

export function latestSchemaVersion(): number {
  return migrations.at(-1)?.version ?? 0;
}

export function migrationStatus(db: Db): MigrationStatus {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion();
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  return { current, latest, pending: migrations.filter((m) => m.version > current) };
}

/**
 * Runs pending migrations, each in its own transaction together with its record, so a crash
 * leaves the database at a version it can name.
 */
export function migrate(db: Db): Migration[] {
  const { pending } = migrationStatus(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending;
}
