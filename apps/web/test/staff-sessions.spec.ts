import { findSession } from '../src/lib/server/sessions.js';
import {
  chooseWorkspace,
  closeStaffSession,
  findStaffSession,
  openStaffSession,
} from '../src/lib/server/staff-sessions.js';
import { toStaffMe } from '../src/lib/staff-me.js';

const me = toStaffMe({
  id: 'user:minobr',
  role: 'ministry',
  displayName: 'Минобразования',
  departmentId: null,
  schoolId: null,
  className: null,
});
const grant = (expiresInMs: number) => ({
  token: 'staff-ledger-token',
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
});

describe('staff sessions', () => {
  it('keeps the ledger token behind an opaque id that opens no parent session', () => {
    const { id } = openStaffSession(grant(60_000), me, null);
    expect(id).not.toContain('staff-ledger-token');
    expect(findStaffSession(id)?.me.username).toBe('minobr');
    expect(findSession(id)).toBeUndefined();
  });

  it('keeps the chosen workspace and forgets the session at expiry and logout', () => {
    const { id } = openStaffSession(grant(60_000), me, null);
    chooseWorkspace(id, { departmentId: 'uo-1', name: 'УО 1' });
    expect(findStaffSession(id)?.workspace).toEqual({ departmentId: 'uo-1', name: 'УО 1' });
    closeStaffSession(id);
    expect(findStaffSession(id)).toBeUndefined();
    const second = openStaffSession(grant(60_000), me, null);
    expect(findStaffSession(second.id, Date.now() + 61_000)).toBeUndefined();
  });
});
