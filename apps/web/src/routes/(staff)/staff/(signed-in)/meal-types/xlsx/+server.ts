import { error } from '@sveltejs/kit';
import { LedgerApiError } from '@meals/ledger-client';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { mealTypesWorkbook } from '#lib/server/meal-types-xlsx.ts';
import { todayInMoscow } from '#lib/dates.ts';
import { picksWorkspace, staffSections } from '#lib/staff-access.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
  const staff = locals.staff;
  if (!staff) error(401, 'Войдите в кабинет сотрудника.');
  if (!staffSections(staff.me.role).includes('meal-types')) error(403, 'Отчёт недоступен для вашей роли.');
  const workspace = staff.workspace;
  if (!workspace) error(400, picksWorkspace(staff.me) ? 'Выберите рабочую область.' : 'Нет рабочей области.');
  try {
    const ledger = staffLedger(staff.token);
    const [types, settings] = await Promise.all([
      ledger.mealTypes(workspace.departmentId),
      ledger.orderSettings(workspace.departmentId).catch(() => null),
    ]);
    const today = todayInMoscow(new Date());
    const body = await mealTypesWorkbook(workspace.name, types, settings, today);
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="meal-management-${workspace.departmentId}-${today}.xlsx"`,
      },
    });
  } catch (failure) {
    if (failure instanceof LedgerApiError && failure.statusCode < 500) error(failure.statusCode, failure.messageRu);
    throw failure;
  }
};
