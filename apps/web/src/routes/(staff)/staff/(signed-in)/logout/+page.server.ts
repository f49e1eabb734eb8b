import { redirect } from '@sveltejs/kit';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { STAFF_SESSION_COOKIE, closeStaffSession } from '#lib/server/staff-sessions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/staff');

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    // the ledger refuses the token from now on, whatever happens to this server's memory
    if (locals.staff)
      await staffLedger(locals.staff.token)
        .logout()
        .catch(() => undefined);
    closeStaffSession(locals.staffSessionId);
    cookies.delete(STAFF_SESSION_COOKIE, { path: '/staff' });
    redirect(303, '/staff/login');
  },
};
