import type { SessionUser } from '../../src-shared/api/domain-auth';
import { AppError } from '../api/app-error';
import type { EventLog } from '../store/event-log';
import { SYSTEM_ACTOR } from '../store/event-log';
import type { UserRow, UsersRepo } from '../store/repos/users-repo';
import { verifyPin } from './pin-hash';
import type { Sessions } from './sessions';

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

export class AuthService {
  constructor(
    private readonly users: UsersRepo,
    private readonly log: EventLog,
    private readonly sessions: Sessions,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Badge + PIN. Five wrong PINs in a row lock the badge for five minutes from the last failure;
   * every attempt, good or bad, is an event (the lock-out is a projection of them).
   */
  signIn(clientId: string, badge: string, pin: string): SessionUser {
    const user = this.authenticate(badge, pin);
    const sessionUser: SessionUser = { userId: user.user_id, name: user.name, role: user.role };
    this.log.append({
      type: 'user.signed-in',
      payload: { userId: user.user_id },
      actor: user.user_id,
      subjects: [`user:${user.user_id}`],
    });
    this.sessions.signIn(clientId, sessionUser);
    return sessionUser;
  }

  /**
   * A QC manager's sign-off on this station (badge + PIN typed into the dialog): the same checks
   * and lock-out as a sign-in, then the role. It opens no session; the signature goes into the
   * event it approves. An inspector's badge is refused even with the right PIN.
   */
  verifySignOff(badge: string, pin: string): SessionUser {
    const user = this.authenticate(badge, pin);
    if (user.role !== 'qc-manager' && user.role !== 'admin') {
      throw new AppError(
        'forbidden',
        `${user.name} cannot sign off: only a QC manager or an admin can.`,
      );
    }
    return { userId: user.user_id, name: user.name, role: user.role };
  }

  /** Badge and PIN checked, with every failure on record and the lock-out applied. */
  private authenticate(badge: string, pin: string): UserRow {
    const user = this.users.byBadge(badge);
    const now = this.clock();
    if (!user) {
      this.log.append({
        type: 'user.sign-in-failed',
        payload: { badge, why: 'unknown-badge' },
        actor: SYSTEM_ACTOR,
      });
      throw new AppError('unauthenticated', 'This badge is not known at this station.');
    }
    if (user.failed_attempts >= MAX_PIN_FAILURES && user.last_failed_at !== null) {
      const remainingMs = user.last_failed_at + LOCKOUT_MS - now;
      if (remainingMs > 0) {
        this.log.append({
          type: 'user.sign-in-failed',
          payload: { badge, why: 'locked' },
          actor: SYSTEM_ACTOR,
          subjects: [`user:${user.user_id}`],
        });
        const seconds = Math.ceil(remainingMs / 1000);
        throw new AppError(
          'locked',
          `This badge is locked after ${MAX_PIN_FAILURES} wrong PINs. Try again in ${seconds} s.`,
          {
            seconds,
          },
        );
      }
    }
    if (!user.active) {
      this.log.append({
        type: 'user.sign-in-failed',
        payload: { badge, why: 'inactive' },
        actor: SYSTEM_ACTOR,
      });
      throw new AppError('forbidden', 'This badge has been deactivated.');
    }
    if (!verifyPin(pin, user.pin_hash)) {
      this.log.append({
        type: 'user.sign-in-failed',
        payload: { badge, why: 'wrong-pin' },
        actor: SYSTEM_ACTOR,
        subjects: [`user:${user.user_id}`],
      });
      // A failure after an expired lock-out starts a fresh count (the projection resets it).
      const left = MAX_PIN_FAILURES - (this.users.byBadge(badge)?.failed_attempts ?? 0);
      throw new AppError(
        left > 0 ? 'unauthenticated' : 'locked',
        left > 0
          ? `Wrong PIN. ${left} attempt(s) left before the badge is locked.`
          : 'Wrong PIN. The badge is now locked for 5 minutes.',
        { attemptsLeft: Math.max(left, 0) },
      );
    }
    return user;
  }

  signOut(clientId: string, why: 'user' | 'idle'): void {
    const user = this.sessions.signOut(clientId);
    if (user) {
      this.log.append({
        type: 'user.signed-out',
        payload: { userId: user.userId, why },
        actor: user.userId,
        subjects: [`user:${user.userId}`],
      });
    }
  }
}
