import { publicLedger } from '#lib/server/ledger.ts';
import { LedgerApiError } from '@meals/ledger-client';
import { tokenField } from '#lib/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// Confirming takes a click (a POST): mail scanners that open links must not confirm for the parent.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async ({ request }) => {
    const token = tokenField.safeParse((await request.formData()).get('token'));
    if (!token.success) return { confirmed: false, message: token.error.issues[0]?.message ?? '' };
    try {
      const state = await publicLedger.confirmEmail(token.data);
      return { confirmed: true, email: state.email };
    } catch (error) {
      if (error instanceof LedgerApiError && error.statusCode < 500)
        return { confirmed: false, message: error.messageRu };
      throw error;
    }
  },
};
