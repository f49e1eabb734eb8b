import { fail } from '@sveltejs/kit';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { loadRefusal, staffRefusal, workspaceOf } from '#lib/server/staff-errors.ts';
import { dayOf } from '#lib/server/day-query.ts';
import { isCalendarDate } from '#lib/dates.ts';
import { syncRows } from '#lib/sync-view.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const staff = locals.staff!;
  const day = dayOf(url);
  const ledger = staffLedger(staff.token);
  const departmentId = workspaceOf(locals);
  try {
    const [syncs, gaps] = await Promise.all([
      ledger.syncs(departmentId, day.date),
      ledger.priceSheetGaps(departmentId, day.date).catch(() => []),
    ]);
    return { ...day, rows: syncRows(syncs), gaps };
  } catch (error) {
    return { ...day, rows: [], gaps: [], problem: loadRefusal(error) };
  }
};

export const actions: Actions = {
  sync: async ({ request, locals }) => {
    const data = await request.formData();
    const schoolId = String(data.get('schoolId') ?? '');
    const date = String(data.get('date') ?? '');
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(schoolId) || !isCalendarDate(date))
      return fail(400, { message: 'Школа или дата указаны неверно.' });
    try {
      await staffLedger(locals.staff!.token).syncNow(schoolId, date);
    } catch (error) {
      return staffRefusal(error);
    }
    return { done: `Синхронизация ОО ${schoolId} поставлена в очередь.` };
  },
};
