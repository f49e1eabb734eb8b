/** Who may see and start supplier syncs (seed 004: «Синхронизировать сейчас»). */
import type { ScopeResolver } from '../auth/access.js';
import type { Role } from '../identity/principal.js';

/** Read the department's sync status: everyone who reads meal management there. */
export const SYNC_READER_ROLES = [
  'admin',
  'ministry',
  'meal_operator',
  'department_admin',
  'auditor',
] as const satisfies readonly Role[];

/** Start a school's sync: the department's meal operator (or its admin) and the school's coordinator. */
export const SYNC_STARTER_ROLES = [
  'admin',
  'meal_operator',
  'department_admin',
  'school_staff',
] as const satisfies readonly Role[];

export const departmentParam: ScopeResolver = (request) => {
  const params = request.params as Record<string, unknown> | undefined;
  const departmentId = params?.['departmentId'];
  return typeof departmentId === 'string' && departmentId.length > 0 ? [{ kind: 'department', departmentId }] : [];
};
