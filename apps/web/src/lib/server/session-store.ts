/**
 * One in-memory store of web sessions: the browser holds only a random id in an httpOnly
 * cookie; what the session keeps (the ledger token among it) stays here until it expires
 * (a restart signs everyone out). The parents' and the staff's sessions are two stores.
 */
import { randomBytes } from 'node:crypto';

export class SessionStore<T extends { expiresAtMs: number }> {
  private readonly sessions = new Map<string, T>();

  /** A new random id for the session (expired ones are swept first). */
  open(session: T): { id: string; session: T } {
    this.sweepExpired();
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, session);
    return { id, session };
  }

  /** The session behind a cookie, or undefined when unknown or expired. */
  find(id: string | undefined, nowMs = Date.now()): T | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAtMs <= nowMs) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Replaces what is kept under an existing id. */
  replace(id: string, session: T): T {
    this.sessions.set(id, session);
    return session;
  }

  close(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private sweepExpired(nowMs = Date.now()): void {
    for (const [id, session] of this.sessions) if (session.expiresAtMs <= nowMs) this.sessions.delete(id);
  }
}
