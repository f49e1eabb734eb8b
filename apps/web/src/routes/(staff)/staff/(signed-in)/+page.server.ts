import { redirect } from '@sveltejs/kit';
import { homeOf } from '#lib/staff-access.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const staff = locals.staff!;
  redirect(303, homeOf(staff.me, staff.workspace?.departmentId ?? null));
};
