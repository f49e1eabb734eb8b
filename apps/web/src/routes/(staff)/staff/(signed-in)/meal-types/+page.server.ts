import { staffLedger } from '#lib/server/staff-ledger.ts';
import { loadRefusal, workspaceOf } from '#lib/server/staff-errors.ts';
import { changeStatus, deleteMealType } from '#lib/server/meal-type-actions.ts';
import { todayInMoscow } from '#lib/dates.ts';
import { mealTypeRows, mealTypeFilter } from '#lib/meal-types-view.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const staff = locals.staff!;
  const filter = mealTypeFilter(url);
  const today = todayInMoscow(new Date());
  const created = url.searchParams.get('created')?.slice(0, 200) ?? null;
  try {
    const types = await staffLedger(staff.token).mealTypes(workspaceOf(locals), filter.status ?? undefined);
    return { filter, today, created, rows: mealTypeRows(types, filter, today), problem: null };
  } catch (error) {
    return { filter, today, created, rows: [], problem: loadRefusal(error) };
  }
};

export const actions: Actions = { status: changeStatus, delete: deleteMealType };
