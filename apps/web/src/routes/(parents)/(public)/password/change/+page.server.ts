import { fail, redirect } from '@sveltejs/kit';
import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { renewSession } from '#lib/server/sessions.ts';
import { firstMessage, formFields, newPasswordForm, passwordProblemRu } from '#lib/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
  forced: locals.session?.mustChangePassword ?? false,
});

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { session, sessionId } = locals;
    if (!session || !sessionId) redirect(303, '/login');
    const fields = formFields(await request.formData());
    const currentPassword = fields['currentPassword'] ?? '';
    if (!currentPassword || currentPassword.length > 128) return fail(400, { message: 'Введите текущий пароль.' });
    const parsed = newPasswordForm.safeParse(fields);
    if (!parsed.success) return fail(400, { message: firstMessage(parsed.error) });
    const weak = passwordProblemRu(parsed.data.newPassword, session.accountNumber);
    if (weak) return fail(400, { message: weak });
    let granted;
    try {
      granted = await parentLedger(session.token).changePassword(currentPassword, parsed.data.newPassword);
    } catch (error) {
      return ledgerRefusal(error);
    }
    renewSession(sessionId, granted);
    redirect(303, '/profile?password=changed');
  },
};
