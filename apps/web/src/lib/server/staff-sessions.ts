/**
 * Staff web sessions, kept apart from the parents' ones: their own cookie (scoped to /staff) and
 * their own store, so a parent's id never opens a staff page and the other way round. The ledger
 * token stays here in memory, with who the user is and the workspace they picked.
 */
import { randomBytes } from 'node:crypto';
import type { Department, StaffMe } from '#lib/staff-contract.ts';

export const STAFF_SESSION_COOKIE = 'meals_staff_session';

export interface StaffSession {
  token: string;
  expiresAtMs: number;
  me: StaffMe;
  /** the education department the pages work in: the user's own, or the one a ministry user picked */
  workspace: Department | null;
}

const sessions = new Map<string, StaffSession>();

export function openStaffSession(
  granted: { token: string; expiresAt: string },
  me: StaffMe,
  workspace: Department | null,
): { id: string; session: StaffSession } {
  sweepExpired();
  const id = randomBytes(32).toString('base64url');
  const session: StaffSession = {
    token: granted.token,
    expiresAtMs: Date.parse(granted.expiresAt),
    me,
    workspace,
  };
  sessions.set(id, session);
  return { id, session };
}

/** The session behind a cookie, or undefined when unknown or expired. */
export function findStaffSession(id: string | undefined, nowMs = Date.now()): StaffSession | undefined {
  if (!id) return undefined;
  const session = sessions.get(id);
  if (!session) return undefined;
  if (session.expiresAtMs <= nowMs) {
    sessions.delete(id);
    return undefined;
  }
  return session;
}

/** A ministry user's choice of department (others keep theirs: the caller checks who may choose). */
export function chooseWorkspace(id: string, workspace: Department): void {
  const session = sessions.get(id);
  if (session) session.workspace = workspace;
}

export function closeStaffSession(id: string | undefined): void {
  if (id) sessions.delete(id);
}

function sweepExpired(nowMs = Date.now()): void {
  for (const [id, session] of sessions) if (session.expiresAtMs <= nowMs) sessions.delete(id);
}
