/**
 * Web sessions: the browser holds only a random id in an httpOnly cookie; the ledger token
 * stays here, in memory, until the ledger's expiry (a restart signs everyone out).
 */
import { randomBytes } from 'node:crypto';
import type { ParentSession } from '@meals/contracts';

export const SESSION_COOKIE = 'meals_session';

export interface WebSession {
  token: string;
  accountNumber: string;
  mustChangePassword: boolean;
  expiresAtMs: number;
}

const sessions = new Map<string, WebSession>();

export function openSession(granted: ParentSession): { id: string; session: WebSession } {
  sweepExpired();
  const id = randomBytes(32).toString('base64url');
  const session = toWebSession(granted);
  sessions.set(id, session);
  return { id, session };
}

/** The session behind a cookie, or undefined when unknown or expired. */
export function findSession(id: string | undefined, nowMs = Date.now()): WebSession | undefined {
  if (!id) return undefined;
  const session = sessions.get(id);
  if (!session) return undefined;
  if (session.expiresAtMs <= nowMs) {
    sessions.delete(id);
    return undefined;
  }
  return session;
}

/** A new ledger token (after a password change) replaces the old one under the same id. */
export function renewSession(id: string, granted: ParentSession): WebSession {
  const session = toWebSession(granted);
  sessions.set(id, session);
  return session;
}

/**
 * Another account of the family: a new id for the new token (the old id is forgotten), so a
 * cookie seen before the switch opens nothing afterwards.
 */
export function switchSession(oldId: string, granted: ParentSession): { id: string; session: WebSession } {
  sessions.delete(oldId);
  return openSession(granted);
}

export function closeSession(id: string | undefined): void {
  if (id) sessions.delete(id);
}

function toWebSession(granted: ParentSession): WebSession {
  return {
    token: granted.token,
    accountNumber: granted.accountNumber,
    mustChangePassword: granted.mustChangePassword,
    expiresAtMs: Date.parse(granted.expiresAt),
  };
}

function sweepExpired(nowMs = Date.now()): void {
  for (const [id, session] of sessions) if (session.expiresAtMs <= nowMs) sessions.delete(id);
}
