import { redirect } from '@sveltejs/kit';
import { publicLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { openSession } from '#lib/server/sessions.ts';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { firstMessage, formFields, loginForm } from '#lib/forms.ts';
import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const fields = formFields(await request.formData());
    const accountNumber = (fields['accountNumber'] ?? '').slice(0, 40);
    const parsed = loginForm.safeParse(fields);
    if (!parsed.success) return fail(400, { accountNumber, message: firstMessage(parsed.error) });
    let granted;
    try {
      granted = await publicLedger.login({ ...parsed.data, acceptTerms: true });
    } catch (error) {
      return ledgerRefusal(error, { accountNumber });
    }
    const { id, session } = openSession(granted);
    setSessionCookie(cookies, url, id, session.expiresAtMs);
    redirect(303, session.mustChangePassword ? '/password/change' : '/profile');
  },
};
