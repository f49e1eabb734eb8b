import { fail, redirect } from '@sveltejs/kit';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { staffRefusal, workspaceOf } from '#lib/server/staff-errors.ts';
import { firstMessage, formFields } from '#lib/forms.ts';
import { newMealTypeForm, roublesField } from '#lib/meal-forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** `?copy=<id>` starts from an existing type: a price change is a new type replacing the old one. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const staff = locals.staff!;
  const copyId = url.searchParams.get('copy');
  if (!copyId) return { values: null };
  const types = await staffLedger(staff.token)
    .mealTypes(workspaceOf(locals))
    .catch(() => []);
  const source = types.find((type) => type.mealTypeId === copyId);
  if (!source) return { values: null };
  return {
    values: {
      name: source.name,
      serviceType: source.serviceType,
      benefitCategory: source.benefitCategory,
      hot: source.hot,
      dynamicCost: source.dynamicCost,
      rb: roublesField(source.costs.rb),
      mb: roublesField(source.costs.mb),
      rp: roublesField(source.costs.rp),
    },
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const staff = locals.staff!;
    const fields = formFields(await request.formData());
    const values = {
      name: (fields['name'] ?? '').slice(0, 200),
      serviceType: (fields['serviceType'] ?? '').slice(0, 60),
      benefitCategory: (fields['benefitCategory'] ?? '').slice(0, 200),
      hot: fields['hot'] === 'on',
      dynamicCost: fields['dynamicCost'] === 'on',
      rb: (fields['rb'] ?? '').slice(0, 20),
      mb: (fields['mb'] ?? '').slice(0, 20),
      rp: (fields['rp'] ?? '').slice(0, 20),
    };
    const parsed = newMealTypeForm.safeParse(fields);
    if (!parsed.success) return fail(400, { values, message: firstMessage(parsed.error) });
    try {
      await staffLedger(staff.token).createMealType(workspaceOf(locals), parsed.data);
    } catch (error) {
      return staffRefusal(error, { values });
    }
    redirect(303, `/staff/meal-types?created=${encodeURIComponent(parsed.data.name)}`);
  },
};
