/**
 * Web sessions: the browser holds only a random id in an httpOnly cookie; the ledger token
 * stays here, in memory, until the ledger's expiry (a restart signs everyone out).
 */
import type { ParentSession } from '@meals/contracts';
import { SessionStore } from './session-store.js';

export const SESSION_COOKIE = 'meals_session';

export interface WebSession {
  token: string;
  accountNumber: string;
  mustChangePassword: boolean;
  expiresAtMs: number;
}

const sessions = new SessionStore<WebSession>();

export function openSession(granted: ParentSession): { id: string; session: WebSession } {
  return sessions.open(toWebSession(granted));
}

/** The session behind a cookie, or undefined when unknown or expired. */
export function findSession(id: string | undefined, nowMs = Date.now()): WebSession | undefined {
  return sessions.find(id, nowMs);
}

/** A new ledger token (after a password change) replaces the old one under the same id. */
export function renewSession(id: string, granted: ParentSession): WebSession {
  return sessions.replace(id, toWebSession(granted));
}

/**
 * Another account of the family: a new id for the new token (the old id is forgotten), so a
 * cookie seen before the switch opens nothing afterwards.
 */
export function switchSession(oldId: string, granted: ParentSession): { id: string; session: WebSession } {
  sessions.close(oldId);
  return openSession(granted);
}

export function closeSession(id: string | undefined): void {
  sessions.close(id);
}

function toWebSession(granted: ParentSession): WebSession {
  return {
    token: granted.token,
    accountNumber: granted.accountNumber,
    mustChangePassword: granted.mustChangePassword,
    expiresAtMs: Date.parse(granted.expiresAt),
  };
}
