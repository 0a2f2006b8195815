import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { openDatabase } from './database';
import { DatabaseTooNewError, latestSchemaVersion, migrate, migrationStatus } from './migrate';
import { join } from 'node:path';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('migrations', () => {
  it('run forward once, recorded in the database, with STRICT tables and the pragmas set', () => {
    const db = openDatabase(join(dir.path, 'a.db'));
    expect(migrate(db).length).toBe(latestSchemaVersion());
    expect(migrate(db)).toEqual([]);
    const recorded = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(recorded).toHaveLength(latestSchemaVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const sql = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'events'")
      .get();
    expect(sql?.sql).toMatch(/STRICT/);
    db.close();
  });

  it('refuse a database written by a newer version, with a clear message', () => {
    const db = openDatabase(join(dir.path, 'b.db'));
    migrate(db);
    db.pragma(`user_version = ${latestSchemaVersion() + 4}`);
    expect(() => migrationStatus(db)).toThrow(DatabaseTooNewError);
    expect(() => migrate(db)).toThrow(/newer Intake QC Station/);
    db.close();
  });
});
