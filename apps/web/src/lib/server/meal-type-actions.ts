/** The meal-type form actions, shared by the list page (dialogs) and a type's own page (no JavaScript). */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { firstMessage, formFields } from '#lib/forms.ts';
import { STATUS_LABELS_RU, mealTypeFieldsForm, statusForm } from '#lib/meal-forms.ts';
import { formatDateRu } from '#lib/dates.ts';
import { staffLedger } from './staff-ledger.ts';
import { staffRefusal } from './staff-errors.ts';

const MEAL_TYPE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

export async function changeStatus({ request, locals }: RequestEvent) {
  const parsed = statusForm.safeParse(formFields(await request.formData()));
  if (!parsed.success) return fail(400, { message: firstMessage(parsed.error) });
  const { mealTypeId, status, effectiveFrom } = parsed.data;
  try {
    await staffLedger(locals.staff!.token).changeMealTypeStatus(mealTypeId, status, effectiveFrom);
  } catch (error) {
    return staffRefusal(error);
  }
  return { done: `Статус «${STATUS_LABELS_RU[status]}» установлен с ${formatDateRu(effectiveFrom)}.` };
}

export async function deleteMealType({ request, locals }: RequestEvent) {
  const data = await request.formData();
  const mealTypeId = String(data.get('mealTypeId') ?? '');
  if (!MEAL_TYPE_ID.test(mealTypeId)) return fail(400, { message: 'Тип питания не указан.' });
  if (data.get('confirm') !== 'on') return fail(400, { message: 'Подтвердите удаление типа питания.' });
  try {
    await staffLedger(locals.staff!.token).deleteMealType(mealTypeId);
  } catch (error) {
    return staffRefusal(error);
  }
  return { done: 'Тип питания удалён.', deleted: true };
}

export async function updateMealType({ request, locals, params }: RequestEvent) {
  const fields = formFields(await request.formData());
  const parsed = mealTypeFieldsForm.safeParse(fields);
  if (!parsed.success) return fail(400, { message: firstMessage(parsed.error) });
  try {
    await staffLedger(locals.staff!.token).updateMealType(params['mealTypeId'] ?? '', parsed.data);
  } catch (error) {
    return staffRefusal(error);
  }
  return { done: 'Изменения сохранены.' };
}
