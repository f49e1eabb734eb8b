/**
 * Who is calling: a staff user (session token), an integration key (till, bank), or a
 * parent signed in to the cabinet of one account (session token).
 */
/** Roles of staff users and keys (what the CLI creates). */
export const ROLES = [
  'admin',
  'department_admin',
  'school_staff',
  'till',
  'bank',
  'auditor',
  'ministry',
  'meal_operator',
  'class_teacher',
] as const;
export type Role = (typeof ROLES)[number] | 'parent';

export interface Principal {
  /** stable id used as the event actor: `user:<username>`, `key:<name>` or `parent:<accountNumber>` */
  id: string;
  kind: 'user' | 'key' | 'parent';
  role: Role;
  /** department_admin and (optionally) auditor */
  departmentId: string | null;
  /** school_staff, class_teacher and till */
  schoolId: string | null;
  /** class_teacher only: the one class (normalised, e.g. `03Б`) the teacher works with */
  className: string | null;
  /** till only */
  tillId: string | null;
  /** parent only: the one account the cabinet may see */
  accountNumber?: string;
  /** parent only: signed in with a temporary password, may only change it */
  mustChangePassword?: boolean;
  /** session tokens: the session's id (logout revokes it) and expiry */
  session?: { id: string; expiresAt: string };
}

/** Which scope fields each role needs; the CLI and the identity store both enforce it. */
export function scopeProblem(
  role: Role,
  scope: Pick<Principal, 'departmentId' | 'schoolId' | 'tillId'> & { className?: string | null },
): string | null {
  if (role !== 'class_teacher' && scope.className) return `role ${role} takes no --class`;
  switch (role) {
    case 'admin':
    case 'bank':
    case 'ministry':
      return scope.departmentId || scope.schoolId || scope.tillId ? `role ${role} takes no scope` : null;
    case 'department_admin':
    case 'meal_operator':
      return scope.departmentId && !scope.schoolId && !scope.tillId ? null : `${role} needs --department only`;
    case 'school_staff':
      return scope.schoolId && !scope.tillId && !scope.departmentId ? null : 'school_staff needs --school only';
    case 'class_teacher':
      return scope.schoolId && scope.className && !scope.tillId && !scope.departmentId
        ? null
        : 'class_teacher needs --school and --class only';
    case 'till':
      return scope.schoolId && scope.tillId && !scope.departmentId ? null : 'till needs --school and --till';
    case 'auditor':
      return scope.schoolId || scope.tillId ? 'auditor takes --department or no scope' : null;
    case 'parent':
      return 'parents get access through a temporary password for their account, not as users or keys';
  }
}
