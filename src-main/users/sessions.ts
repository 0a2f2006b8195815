import type { SessionUser } from '../../src-shared/api/domain-auth';
import type { SessionLookup } from '../api/registry';

interface Session {
  user: SessionUser;
  lastActivity: number;
}

/**
 * Who is signed in on which screen. Sessions live in memory only: a station restart signs
 * everyone out, which is what an inspector expects from a shared dock terminal.
 */
export class Sessions implements SessionLookup {
  private readonly byClient = new Map<string, Session>();

  constructor(
    private readonly idleLimitMs: () => number,
    private readonly clock: () => number = Date.now,
  ) {}

  signIn(clientId: string, user: SessionUser): void {
    this.byClient.set(clientId, { user, lastActivity: this.clock() });
  }

  signOut(clientId: string): SessionUser | null {
    const session = this.byClient.get(clientId);
    this.byClient.delete(clientId);
    return session?.user ?? null;
  }

  /** The signed-in user, refreshing the idle timer; an idle session has ended. */
  userFor(clientId: string): SessionUser | null {
    const session = this.byClient.get(clientId);
    if (!session) return null;
    const now = this.clock();
    if (now - session.lastActivity > this.idleLimitMs()) {
      this.byClient.delete(clientId);
      return null;
    }
    session.lastActivity = now;
    return session.user;
  }
}
