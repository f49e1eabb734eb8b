import { fail, redirect } from '@sveltejs/kit';
import { staffLedger, staffLogin } from '#lib/server/staff-ledger.ts';
import { staffRefusal } from '#lib/server/staff-errors.ts';
import { STAFF_SESSION_COOKIE, openStaffSession } from '#lib/server/staff-sessions.ts';
import { STAFF_ROLES, type Department } from '#lib/staff-contract.ts';
import { homeOf } from '#lib/staff-access.ts';
import { firstMessage, formFields } from '#lib/forms.ts';
import { staffLoginForm } from '#lib/meal-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.staff) redirect(303, homeOf(locals.staff.me, locals.staff.workspace?.departmentId ?? null));
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const fields = formFields(await request.formData());
    const username = (fields['username'] ?? '').slice(0, 64);
    const parsed = staffLoginForm.safeParse(fields);
    if (!parsed.success) return fail(400, { username, message: firstMessage(parsed.error) });
    let granted;
    let me;
    let workspace: Department | null = null;
    try {
      granted = await staffLogin(parsed.data.username, parsed.data.password);
      const ledger = staffLedger(granted.token);
      me = await ledger.me();
      if (!STAFF_ROLES.includes(me.role)) {
        await ledger.logout().catch(() => undefined);
        return fail(403, { username, message: 'Эта учётная запись не для кабинета сотрудника.' });
      }
      if (me.departmentId) {
        const departments = await ledger.departments().catch(() => []);
        workspace = departments.find((department) => department.departmentId === me!.departmentId) ?? {
          departmentId: me.departmentId,
          name: me.departmentId,
        };
      }
    } catch (error) {
      return staffRefusal(error, { username });
    }
    const { id, session } = openStaffSession(granted, me, workspace);
    cookies.set(STAFF_SESSION_COOKIE, id, {
      path: '/staff',
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      expires: new Date(session.expiresAtMs),
    });
    redirect(303, homeOf(me, workspace?.departmentId ?? null));
  },
};
