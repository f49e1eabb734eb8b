import { fail, redirect } from '@sveltejs/kit';
import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { firstMessage, formFields, topUpForm } from '#lib/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    if (!locals.session) redirect(303, '/login');
    const fields = formFields(await request.formData());
    const amountText = (fields['amount'] ?? '').slice(0, 20);
    const parsed = topUpForm.safeParse(fields);
    if (!parsed.success) return fail(400, { amount: amountText, message: firstMessage(parsed.error) });
    let order;
    try {
      order = await parentLedger(locals.session.token).registerPayment(
        locals.session.accountNumber,
        parsed.data.amount,
      );
    } catch (error) {
      return ledgerRefusal(error, { amount: amountText });
    }
    // Off to the gateway's card form; it sends the browser back to /top-up/return.
    redirect(303, order.formUrl, { external: true });
  },
};
