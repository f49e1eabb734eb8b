import { fail } from '@sveltejs/kit';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { loadRefusal, staffRefusal, workspaceOf } from '#lib/server/staff-errors.ts';
import { firstMessage, formFields } from '#lib/forms.ts';
import { orderSettingsForm } from '#lib/meal-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const staff = locals.staff!;
  try {
    return { settings: await staffLedger(staff.token).orderSettings(workspaceOf(locals)), problem: null };
  } catch (error) {
    return { settings: null, problem: loadRefusal(error) };
  }
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const staff = locals.staff!;
    const fields = formFields(await request.formData());
    const values = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value.slice(0, 2000)]));
    const parsed = orderSettingsForm.safeParse(fields);
    if (!parsed.success) return fail(400, { values, message: firstMessage(parsed.error) });
    try {
      await staffLedger(staff.token).saveOrderSettings(workspaceOf(locals), parsed.data);
    } catch (error) {
      return staffRefusal(error, { values });
    }
    return { done: 'Настройки заказа питания сохранены.' };
  },
};
