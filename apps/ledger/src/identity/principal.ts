/** Who is calling: a staff user (session token) or an integration key (till, bank). */
export const ROLES = ['admin', 'department_admin', 'school_staff', 'till', 'bank', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** stable id used as the event actor: `user:<username>` or `key:<name>` */
  id: string;
  kind: 'user' | 'key';
  role: Role;
  /** department_admin and (optionally) auditor */
  departmentId: string | null;
  /** school_staff and till */
  schoolId: string | null;
  /** till only */
  tillId: string | null;
}

/** Which scope fields each role needs; the CLI and the identity store both enforce it. */
export function scopeProblem(
  role: Role,
  scope: Pick<Principal, 'departmentId' | 'schoolId' | 'tillId'>,
): string | null {
  switch (role) {
    case 'admin':
    case 'bank':
      return scope.departmentId || scope.schoolId || scope.tillId ? `role ${role} takes no scope` : null;
    case 'department_admin':
      return scope.departmentId && !scope.schoolId && !scope.tillId ? null : 'department_admin needs --department only';
    case 'school_staff':
      return scope.schoolId && !scope.tillId && !scope.departmentId ? null : 'school_staff needs --school only';
    case 'till':
      return scope.schoolId && scope.tillId && !scope.departmentId ? null : 'till needs --school and --till';
    case 'auditor':
      return scope.schoolId || scope.tillId ? 'auditor takes --department or no scope' : null;
  }
}
