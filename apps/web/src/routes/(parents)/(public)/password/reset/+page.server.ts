import { fail } from '@sveltejs/kit';
import { publicLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { firstMessage, formFields, newPasswordForm, tokenField } from '#lib/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async ({ request }) => {
    const fields = formFields(await request.formData());
    const token = tokenField.safeParse(fields['token']);
    if (!token.success) return fail(400, { message: firstMessage(token.error) });
    const passwords = newPasswordForm.safeParse(fields);
    if (!passwords.success) return fail(400, { message: firstMessage(passwords.error) });
    try {
      await publicLedger.resetPassword(token.data, passwords.data.newPassword);
    } catch (error) {
      return ledgerRefusal(error);
    }
    return { done: true };
  },
};
