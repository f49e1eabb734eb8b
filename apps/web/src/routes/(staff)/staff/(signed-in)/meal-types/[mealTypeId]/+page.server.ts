import { error } from '@sveltejs/kit';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { loadRefusal, workspaceOf } from '#lib/server/staff-errors.ts';
import { changeStatus, deleteMealType, updateMealType } from '#lib/server/meal-type-actions.ts';
import { todayInMoscow } from '#lib/dates.ts';
import { mealTypeRows } from '#lib/meal-types-view.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const staff = locals.staff!;
  let types;
  try {
    types = await staffLedger(staff.token).mealTypes(workspaceOf(locals));
  } catch (failure) {
    error(403, loadRefusal(failure));
  }
  const type = types.find((candidate) => candidate.mealTypeId === params.mealTypeId);
  if (!type) error(404, 'Тип питания не найден в этом управлении образования.');
  const today = todayInMoscow(new Date());
  const [row] = mealTypeRows([type], { status: null, query: '' }, today);
  return { type, row: row!, today };
};

export const actions: Actions = { update: updateMealType, status: changeStatus, delete: deleteMealType };
