import { error, fail, redirect } from '@sveltejs/kit';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { loadRefusal, staffRefusal } from '#lib/server/staff-errors.ts';
import { chooseWorkspace } from '#lib/server/staff-sessions.ts';
import { picksWorkspace } from '#lib/staff-access.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const staff = locals.staff!;
  if (!picksWorkspace(staff.me)) return { departments: [], fixed: true, problem: null };
  try {
    return { departments: await staffLedger(staff.token).departments(), fixed: false, problem: null };
  } catch (failure) {
    return { departments: [], fixed: false, problem: loadRefusal(failure) };
  }
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const staff = locals.staff!;
    if (!picksWorkspace(staff.me)) error(403, 'Ваша рабочая область закреплена за вашим управлением.');
    const departmentId = String((await request.formData()).get('departmentId') ?? '');
    let departments;
    try {
      departments = await staffLedger(staff.token).departments();
    } catch (failure) {
      return staffRefusal(failure);
    }
    // only a department the ledger lists for this user
    const chosen = departments.find((department) => department.departmentId === departmentId);
    if (!chosen) return fail(400, { message: 'Выберите управление образования из списка.' });
    chooseWorkspace(locals.staffSessionId!, chosen);
    redirect(303, '/staff/meal-types');
  },
};
