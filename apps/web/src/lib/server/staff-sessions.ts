/**
 * Staff web sessions, kept apart from the parents' ones: their own cookie (scoped to /staff) and
 * their own store, so a parent's id never opens a staff page and the other way round. The ledger
 * token stays here in memory, with who the user is and the workspace they picked.
 */
import type { Department, StaffMe } from '#lib/staff-contract.ts';
import { SessionStore } from './session-store.js';

export const STAFF_SESSION_COOKIE = 'meals_staff_session';

export interface StaffSession {
  token: string;
  expiresAtMs: number;
  me: StaffMe;
  /** the education department the pages work in: the user's own, or the one a ministry user picked */
  workspace: Department | null;
}

const sessions = new SessionStore<StaffSession>();

export function openStaffSession(
  granted: { token: string; expiresAt: string },
  me: StaffMe,
  workspace: Department | null,
): { id: string; session: StaffSession } {
  return sessions.open({ token: granted.token, expiresAtMs: Date.parse(granted.expiresAt), me, workspace });
}

/** The session behind a cookie, or undefined when unknown or expired. */
export function findStaffSession(id: string | undefined, nowMs = Date.now()): StaffSession | undefined {
  return sessions.find(id, nowMs);
}

/** A ministry user's choice of department (others keep theirs: the caller checks who may choose). */
export function chooseWorkspace(id: string, workspace: Department): void {
  const session = sessions.find(id);
  if (session) session.workspace = workspace;
}

export function closeStaffSession(id: string | undefined): void {
  sessions.close(id);
}
