import { fail, redirect } from '@sveltejs/kit';
import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { emailForm, firstMessage, formFields, lowBalanceForm } from '#lib/forms.ts';
import { kopecksAsRublesInput } from '#lib/money.ts';
import { lastDays, todayInMoscow } from '#lib/dates.ts';
import { schoolDaysLeft, schoolDaysRu } from '#lib/days-left.ts';
import { dailySpending } from '#lib/statement-view.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, parent }) => {
  const { me } = await parent();
  const token = locals.session!.token;
  const [daysLeft, lowBalance] = await Promise.all([
    estimateDaysLeft(token, me.accountNumber, me.balance),
    // the profile shows without the alert's current state if the ledger cannot tell
    parentLedger(token)
      .lowBalanceAlert()
      .catch(() => null),
  ]);
  return { passwordChanged: url.searchParams.get('password') === 'changed', daysLeft, lowBalance };
};

/** From the last 30 days' spending; the profile shows without the estimate if the statement fails. */
async function estimateDaysLeft(token: string, accountNumber: string, balance: number): Promise<string | null> {
  try {
    const statement = await parentLedger(token).statement(accountNumber, lastDays(todayInMoscow(new Date()), 30));
    const days = schoolDaysLeft(balance, dailySpending(statement));
    if (days === null) return null;
    return days === 0 ? 'Денег меньше чем на один учебный день.' : `Хватит примерно на ${schoolDaysRu(days)}.`;
  } catch {
    return null;
  }
}

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
  lowBalance: async ({ request, locals }) => {
    if (!locals.session) redirect(303, '/login');
    const fields = formFields(await request.formData());
    const threshold = (fields['threshold'] ?? '').slice(0, 20);
    const parsed = lowBalanceForm.safeParse(fields);
    if (!parsed.success) return fail(400, { threshold, lowBalanceMessage: firstMessage(parsed.error) });
    try {
      const alert = await parentLedger(locals.session.token).setLowBalanceAlert(parsed.data.threshold);
      return {
        lowBalanceSaved: alert.threshold,
        threshold: alert.threshold ? kopecksAsRublesInput(alert.threshold) : '',
      };
    } catch (error) {
      const refusal = ledgerRefusal(error, { threshold });
      return fail(refusal.status, { threshold, lowBalanceMessage: refusal.data.message });
    }
  },
};
