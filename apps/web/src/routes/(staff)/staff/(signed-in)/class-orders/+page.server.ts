import { error, fail, isRedirect, redirect } from '@sveltejs/kit';
import { staffLedger, type StaffLedger } from '#lib/server/staff-ledger.ts';
import { loadRefusal, staffRefusal } from '#lib/server/staff-errors.ts';
import { schoolMealTypes } from '#lib/server/school-meal-types.ts';
import { dayOf } from '#lib/server/day-query.ts';
import { formFields } from '#lib/forms.ts';
import { isCalendarDate } from '#lib/dates.ts';
import { changedOrders, checkedValues } from '#lib/meal-forms.ts';
import { gridView, pupilAssignmentChanges } from '#lib/order-grid-view.ts';
import type { ClassOrdersResult } from '#lib/staff-contract.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const CLASS_NAME = /^[0-9A-Za-zА-Яа-яЁё -]{1,10}$/;

/** The school and class the user works on: a class teacher's own, or the class a coordinator picked. */
function placeOf(locals: App.Locals, asked: string | null): { schoolId: string; className: string | null } {
  const me = locals.staff!.me;
  if (!me.schoolId) error(403, 'Раздел доступен сотрудникам образовательной организации.');
  if (me.role === 'class_teacher') return { schoolId: me.schoolId, className: me.className };
  return { schoolId: me.schoolId, className: asked && CLASS_NAME.test(asked) ? asked : null };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const staff = locals.staff!;
  const ledger = staffLedger(staff.token);
  const tab = url.searchParams.get('tab') === 'assign' ? 'assign' : 'orders';
  const day = dayOf(url);
  const place = placeOf(locals, url.searchParams.get('class'));
  const base = { ...place, tab, ...day, picksClass: staff.me.role !== 'class_teacher' };
  try {
    const classNames = base.picksClass ? await ledger.classNames(place.schoolId) : [];
    if (!place.className) {
      if (classNames[0]) redirect(303, `/staff/class-orders?class=${encodeURIComponent(classNames[0])}&tab=${tab}`);
      return { ...base, classNames, grid: null, assignment: null };
    }
    const grid = await ledger.orderGrid(place.schoolId, place.className, day.date);
    const assignment = tab === 'assign' ? await assignmentOf(ledger, place.schoolId, place.className) : null;
    return { ...base, classNames, grid: gridView(grid), assignment };
  } catch (failure) {
    if (isRedirect(failure)) throw failure;
    return { ...base, classNames: [], grid: null, assignment: null, problem: loadRefusal(failure) };
  }
};

async function assignmentOf(ledger: StaffLedger, schoolId: string, className: string) {
  const [{ available, assignedIds }, { mealTypeIds: classIds }] = await Promise.all([
    schoolMealTypes(ledger, schoolId),
    ledger.classMealTypes(schoolId, className),
  ]);
  const schoolTypes = available.filter((type) => assignedIds.includes(type.mealTypeId));
  return {
    types: schoolTypes.map((type) => ({
      mealTypeId: type.mealTypeId,
      name: type.name,
      serviceType: type.serviceType,
      status: type.status,
    })),
    classIds,
  };
}

function target(event: RequestEvent, fields: Record<string, string>) {
  const place = placeOf(event.locals, fields['className'] ?? null);
  const date = fields['date'] ?? '';
  if (!place.className) return { problem: 'Класс не выбран.' } as const;
  if (!isCalendarDate(date)) return { problem: 'Дата указана неверно.' } as const;
  return { schoolId: place.schoolId, className: place.className, date };
}

interface Refusal {
  accountNumber: string;
  fullName: string;
  message: string;
}

/** Per-pupil refusals with the pupil's name for the page. */
function refusalsOf(results: ClassOrdersResult['results'], names: Map<string, string>): Refusal[] {
  return results
    .filter((result) => result.outcome === 'refused')
    .map((result) => ({
      accountNumber: result.accountNumber,
      fullName: names.get(result.accountNumber) ?? result.accountNumber,
      message: result.message ?? 'Заказ не принят.',
    }));
}

export const actions: Actions = {
  orders: async (event) => {
    const fields = formFields(await event.request.formData());
    const place = target(event, fields);
    if ('problem' in place) return fail(400, { message: place.problem });
    const ledger = staffLedger(event.locals.staff!.token);
    try {
      const grid = await ledger.orderGrid(place.schoolId, place.className, place.date);
      const changes = changedOrders(grid, fields);
      if (changes.length === 0) return { done: 'Изменений нет.', refusals: [] as Refusal[] };
      const results = await ledger.saveOrders(place.schoolId, place.className, place.date, changes);
      const names = new Map(grid.pupils.map((pupil) => [pupil.accountNumber, pupil.fullName]));
      const refusals = refusalsOf(results, names);
      const saved = results.filter((result) => result.outcome === 'recorded').length;
      return { done: `Заказ сохранён: изменено учеников — ${saved}.`, refusals };
    } catch (failure) {
      return staffRefusal(failure);
    }
  },
  assignClass: async (event) => {
    const data = await event.request.formData();
    const place = target(event, formFields(data));
    if ('problem' in place) return fail(400, { message: place.problem });
    const mealTypeIds = checkedValues(data, 'mealTypeId');
    try {
      await staffLedger(event.locals.staff!.token).assignClassMealTypes(place.schoolId, place.className, mealTypeIds);
    } catch (failure) {
      return staffRefusal(failure);
    }
    return { done: `На класс назначено типов питания: ${mealTypeIds.length}.`, refusals: [] as Refusal[] };
  },
  assignPupils: async (event) => {
    const data = await event.request.formData();
    const fields = formFields(data);
    const place = target(event, fields);
    if ('problem' in place) return fail(400, { message: place.problem });
    const ledger = staffLedger(event.locals.staff!.token);
    try {
      const grid = await ledger.orderGrid(place.schoolId, place.className, place.date);
      const changes = pupilAssignmentChanges(grid, (accountNumber) => checkedValues(data, `pupil:${accountNumber}`));
      const refusals: Refusal[] = [];
      for (const change of changes) {
        try {
          await ledger.assignPupilMealTypes(place.schoolId, place.className, change.accountNumber, change.mealTypeIds);
        } catch (failure) {
          const refusal = staffRefusal(failure);
          refusals.push({
            accountNumber: change.accountNumber,
            fullName: change.fullName,
            message: refusal.data.message,
          });
        }
      }
      return { done: `Назначение учеников сохранено: ${changes.length - refusals.length}.`, refusals };
    } catch (failure) {
      return staffRefusal(failure);
    }
  },
};
