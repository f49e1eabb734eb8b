import { fail, redirect } from '@sveltejs/kit';
import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { emailForm, firstMessage, formFields } from '#lib/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
  passwordChanged: url.searchParams.get('password') === 'changed',
});

export const actions: Actions = {
  email: async ({ request, locals }) => {
    if (!locals.session) redirect(303, '/login');
    const fields = formFields(await request.formData());
    const parsed = emailForm.safeParse(fields);
    if (!parsed.success)
      return fail(400, { email: (fields['email'] ?? '').slice(0, 254), message: firstMessage(parsed.error) });
    try {
      const state = await parentLedger(locals.session.token).setEmail(parsed.data.email);
      return { emailSent: state.email };
    } catch (error) {
      return ledgerRefusal(error, { email: parsed.data.email });
    }
  },
};
