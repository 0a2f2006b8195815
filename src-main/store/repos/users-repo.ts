import type { Role } from '../../../src-shared/api/define';
import type { Db } from '../database';

export interface UserRow {
  user_id: string;
  name: string;
  role: Role;
  badge: string;
  pin_hash: string;
  active: number;
  failed_attempts: number;
  last_failed_at: number | null;
}

export function createUsersRepo(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO users (user_id, name, role, badge, pin_hash, active) VALUES (@userId, @name, @role, @badge, @pinHash, @active)
     ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, role = excluded.role, badge = excluded.badge,
       pin_hash = excluded.pin_hash, active = excluded.active`,
  );
  const byBadge = db.prepare<[string], UserRow>('SELECT * FROM users WHERE badge = ?');
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE user_id = ?');
  const names = db.prepare<[], { user_id: string; name: string }>(
    'SELECT user_id, name FROM users',
  );
  const failed = db.prepare(
    'UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE badge = ?',
  );
  const succeeded = db.prepare(
    'UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE user_id = ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY name, user_id');
  return {
    upsert(u: {
      userId: string;
      name: string;
      role: Role;
      badge: string;
      pinHash: string;
      active: boolean;
    }): void {
      upsert.run({ ...u, active: u.active ? 1 : 0 });
    },
    byBadge: (badge: string): UserRow | undefined => byBadge.get(badge),
    byId: (userId: string): UserRow | undefined => byId.get(userId),
    names: (): Map<string, string> => new Map(names.all().map((r) => [r.user_id, r.name])),
    recordFailure(badge: string, at: number): void {
      failed.run(at, badge);
    },
    recordSuccess(userId: string): void {
      succeeded.run(userId);
    },
    count: (): number => count.get()?.n ?? 0,
    /** Every user, by name (a station has tens of users, not thousands). */
    all: (): UserRow[] => all.all(),
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
