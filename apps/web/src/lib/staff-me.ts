/** A staff user as the pages need it, from `GET /api/auth/me` (the username is the id's `user:` part). */
import type { Me } from '@meals/contracts';
import type { StaffMe } from './staff-contract.js';

export function toStaffMe(me: Me): StaffMe {
  const username = me.id.replace(/^user:/, '');
  return {
    username,
    displayName: me.displayName || username,
    role: me.role as StaffMe['role'],
    departmentId: me.departmentId,
    schoolId: me.schoolId,
    className: me.className,
  };
}
