import type { ProjectionHandlers } from '../store/projections';
import { LOCKOUT_MS } from './auth-service';

export const usersProjection: ProjectionHandlers = {
  'user.upserted': (p, _e, r) => r.users.upsert(p),
  'user.signed-in': (p, _e, r) => r.users.recordSuccess(p.userId),
  // An unlock is a fresh start, as a success is: no failures left to count towards a lock-out.
  'user.unlocked': (p, _e, r) => r.users.recordSuccess(p.userId),
  'user.sign-in-failed': (p, e, r) => {
    if (p.why !== 'wrong-pin') return;
    const user = r.users.byBadge(p.badge);
    // After a lock-out has run its course the count starts again from this failure.
    if (user && user.last_failed_at !== null && e.recordedAt - user.last_failed_at > LOCKOUT_MS) {
      r.users.recordSuccess(user.user_id);
    }
    r.users.recordFailure(p.badge, e.recordedAt);
  },
};
