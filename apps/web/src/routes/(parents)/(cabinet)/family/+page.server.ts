import { fail, redirect } from '@sveltejs/kit';
import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { switchSession } from '#lib/server/sessions.ts';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { familySwitchForm, firstMessage, formFields } from '#lib/forms.ts';
import { cabinetReturnPath } from '#lib/return-path.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  /** The ledger decides (same confirmed email); on yes, the cookie gets a session of the other account. */
  switch: async ({ request, locals, cookies, url }) => {
    const { session, sessionId } = locals;
    if (!session || !sessionId) redirect(303, '/login');
    const parsed = familySwitchForm.safeParse(formFields(await request.formData()));
    if (!parsed.success) return fail(400, { message: firstMessage(parsed.error) });
    let granted;
    try {
      granted = await parentLedger(session.token).switchTo(parsed.data.accountNumber);
    } catch (error) {
      return ledgerRefusal(error);
    }
    const { id, session: switched } = switchSession(sessionId, granted);
    setSessionCookie(cookies, url, id, switched.expiresAtMs);
    redirect(303, cabinetReturnPath(parsed.data.returnTo));
  },
};
