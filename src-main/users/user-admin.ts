import { randomUUID } from 'node:crypto';
import type { Role } from '../../src-shared/api/define';
import type { UserSummary } from '../../src-shared/api/domain-users';
import { AppError } from '../api/app-error';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { UserRow } from '../store/repos/users-repo';
import { LOCKOUT_MS, MAX_PIN_FAILURES } from './auth-service';
import { hashPin } from './pin-hash';
import type { Sessions } from './sessions';

export interface UserSave {
  userId?: string | undefined;
  name: string;
  role: Role;
  badge: string;
  active: boolean;
  pin?: string | undefined;
}

/** A user row as the admin list shows it (also the users CSV): state, lock-out, last sign-in. */
export function userSummary(u: UserRow, events: Repos['events'], now: number): UserSummary {
  const lockEnds =
    u.failed_attempts >= MAX_PIN_FAILURES && u.last_failed_at !== null
      ? u.last_failed_at + LOCKOUT_MS
      : null;
  // One indexed look-up per user: a station has tens of users.
  const lastSignIn = events.recentOfType(`user:${u.user_id}`, 'user.signed-in', 1)[0];
  return {
    userId: u.user_id,
    name: u.name,
    role: u.role,
    badge: u.badge,
    active: u.active === 1,
    failedAttempts: u.failed_attempts,
    lockedUntil: lockEnds !== null && lockEnds > now ? new Date(lockEnds).toISOString() : null,
    lastSignInAt: lastSignIn ? new Date(lastSignIn.recorded_at).toISOString() : null,
  };
}

/**
 * The admin side of users: list, create or update (PIN reset included), unlock. Every change is
 * an event with the admin as actor; the tables follow through the users projection. PINs are
 * hashed here, before anything is written: only the hash ever reaches the log.
 */
export class UserAdmin {
  constructor(
    private readonly repos: Pick<Repos, 'users' | 'events'>,
    private readonly log: EventLog,
    private readonly sessions: Sessions,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): UserSummary[] {
    return this.repos.users.all().map((u) => this.summary(u));
  }

  save(input: UserSave, actor: string): UserSummary {
    const existing = input.userId ? this.repos.users.byId(input.userId) : undefined;
    if (input.userId && !existing) {
      throw new AppError('not_found', `No user with id ${input.userId}.`);
    }
    if (!existing && input.pin === undefined) {
      throw new AppError('invalid_input', 'A new user needs a PIN.');
    }
    const holder = this.repos.users.byBadge(input.badge);
    if (holder && holder.user_id !== existing?.user_id) {
      throw new AppError(
        'conflict',
        `Badge ${input.badge} already belongs to ${holder.name}. Each user needs their own badge.`,
        { badge: input.badge },
      );
    }
    if (existing) this.keepAnAdmin(existing, input, actor);

    const userId = existing?.user_id ?? `usr-${randomUUID()}`;
    // Hashed outside the log's transaction: scrypt takes tens of milliseconds on purpose.
    const pinHash = input.pin !== undefined ? hashPin(input.pin) : (existing?.pin_hash ?? '');
    this.log.append({
      type: 'user.upserted',
      payload: {
        userId,
        name: input.name,
        role: input.role,
        badge: input.badge,
        pinHash,
        active: input.active,
      },
      actor,
      subjects: [`user:${userId}`],
    });
    // A session carries the role it was opened with: a demoted or deactivated user starts over.
    if (existing && (existing.role !== input.role || (existing.active === 1 && !input.active))) {
      this.sessions.endUser(userId);
    }
    return this.summary(this.mustGet(userId));
  }

  unlock(userId: string, actor: string): UserSummary {
    const user = this.mustGet(userId);
    // Nothing to clear, nothing to record.
    if (user.failed_attempts > 0) {
      this.log.append({
        type: 'user.unlocked',
        payload: { userId },
        actor,
        subjects: [`user:${userId}`],
      });
    }
    return this.summary(this.mustGet(userId));
  }

  /**
   * The station must always keep an active admin: otherwise nobody could manage users or the
   * settings until head office pushed one down, and a station may be offline for days.
   */
  private keepAnAdmin(existing: UserRow, input: UserSave, actor: string): void {
    const wasActiveAdmin = existing.role === 'admin' && existing.active === 1;
    const staysActiveAdmin = input.role === 'admin' && input.active;
    if (!wasActiveAdmin || staysActiveAdmin) return;
    const others = this.repos.users
      .all()
      .filter((u) => u.role === 'admin' && u.active === 1 && u.user_id !== existing.user_id);
    if (others.length > 0) return;
    const who = existing.user_id === actor ? 'You are' : `${existing.name} is`;
    throw new AppError(
      'refused',
      `${who} the last active admin of this station: make another user an admin first.`,
    );
  }

  private mustGet(userId: string): UserRow {
    const user = this.repos.users.byId(userId);
    if (!user) throw new AppError('not_found', `No user with id ${userId}.`);
    return user;
  }

  private summary(u: UserRow): UserSummary {
    return userSummary(u, this.repos.events, this.clock());
  }
}
