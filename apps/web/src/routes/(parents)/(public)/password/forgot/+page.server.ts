import { fail } from '@sveltejs/kit';
import { publicLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { accountNumberField, formFields } from '#lib/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request }) => {
    const fields = formFields(await request.formData());
    const parsed = accountNumberField.safeParse(fields['accountNumber']);
    if (!parsed.success) return fail(400, { message: parsed.error.issues[0]?.message ?? '' });
    try {
      await publicLedger.recover(parsed.data);
    } catch (error) {
      return ledgerRefusal(error);
    }
    return { sent: true };
  },
};
