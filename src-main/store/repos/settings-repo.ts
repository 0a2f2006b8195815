import type { Db } from '../database';

export function createSettingsRepo(db: Db) {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value, seq) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, seq = excluded.seq',
  );
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  return {
    set(key: string, valueJson: string, seq: number): void {
      upsert.run(key, valueJson, seq);
    },
    all(): Record<string, unknown> {
      return Object.fromEntries(all.all().map((r) => [r.key, JSON.parse(r.value) as unknown]));
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
