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

  /**
   * Ends every session of a user (deactivated, or given another role): a session keeps the
   * role it was opened with, so it must not outlive a change to it.
   */
  endUser(userId: string): number {
    let ended = 0;
    for (const [clientId, session] of this.byClient) {
      if (session.user.userId === userId) {
        this.byClient.delete(clientId);
        ended += 1;
      }
    }
    return ended;
  }

  /**
   * Who is working at the station now: the most recently active signed-in user. Serial scanners
   * belong to the station, not to a screen, so their scans are attributed to this user.
   */
  currentUser(): SessionUser | null {
    const now = this.clock();
    let best: Session | null = null;
    for (const session of this.byClient.values()) {
      if (now - session.lastActivity > this.idleLimitMs()) continue;
      if (!best || session.lastActivity > best.lastActivity) best = session;
    }
    return best?.user ?? null;
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
