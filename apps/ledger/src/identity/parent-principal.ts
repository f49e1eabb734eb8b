/** A parent signed in to the cabinet: the role `parent`, scoped to one account. */
import type { Principal } from './principal.js';

const PARENT_SUBJECT_PREFIX = 'parent:';

/** The session subject of a parent (a username never contains ":"). */
export const parentSubject = (accountNumber: string): string => `${PARENT_SUBJECT_PREFIX}${accountNumber}`;

/** The account of a parent's session subject, or null for a staff user's. */
export const parentOfSubject = (subject: string): string | null =>
  subject.startsWith(PARENT_SUBJECT_PREFIX) ? subject.slice(PARENT_SUBJECT_PREFIX.length) : null;

export const parentPrincipal = (accountNumber: string, mustChangePassword: boolean): Principal => ({
  id: parentSubject(accountNumber),
  kind: 'parent',
  role: 'parent',
  departmentId: null,
  schoolId: null,
  className: null,
  tillId: null,
  accountNumber,
  mustChangePassword,
});
