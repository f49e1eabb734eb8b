import { redirect } from '@sveltejs/kit';
import { parentLedger } from '#lib/server/ledger.ts';
import { SESSION_COOKIE, closeSession } from '#lib/server/sessions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/profile');

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.session) {
      // The ledger refuses the token from now on, whatever happens to this server's memory.
      await parentLedger(locals.session.token)
        .logout()
        .catch(() => undefined);
    }
    closeSession(locals.sessionId);
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/login');
  },
};
