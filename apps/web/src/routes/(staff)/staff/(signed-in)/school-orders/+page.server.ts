import { error, fail } from '@sveltejs/kit';
import { staffLedger } from '#lib/server/staff-ledger.ts';
import { loadRefusal, staffRefusal } from '#lib/server/staff-errors.ts';
import { schoolMealTypes } from '#lib/server/school-meal-types.ts';
import { dayOf } from '#lib/server/day-query.ts';
import { formFields } from '#lib/forms.ts';
import { isCalendarDate } from '#lib/dates.ts';
import { checkedValues, dayPricesFromForm, roublesField } from '#lib/meal-forms.ts';
import { mealTypeRows } from '#lib/meal-types-view.ts';
import type { Actions, PageServerLoad } from './$types';

function schoolOf(locals: App.Locals): string {
  const schoolId = locals.staff!.me.schoolId;
  if (!schoolId) error(403, 'Раздел доступен сотрудникам образовательной организации.');
  return schoolId;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const schoolId = schoolOf(locals);
  const tab = url.searchParams.get('tab') === 'day' ? 'day' : 'assign';
  const day = dayOf(url);
  const ledger = staffLedger(locals.staff!.token);
  try {
    const { available, assignedIds } = await schoolMealTypes(ledger, schoolId);
    // archived types cannot be assigned to a school: they are listed only while still assigned
    const assignable = available.filter((type) => type.status !== 'archived' || assignedIds.includes(type.mealTypeId));
    let prices = null;
    if (tab === 'day') {
      // one line per dynamic type assigned to the school; an unconfirmed price is carried from an earlier day
      const sheet = await ledger.dayPrices(schoolId, day.date);
      prices = {
        confirmed: sheet.confirmed,
        rows: sheet.prices.map((price) => {
          const type = available.find((candidate) => candidate.mealTypeId === price.mealTypeId);
          const costs = price.costs ?? type?.costs ?? { rb: null, mb: null, rp: null };
          return {
            mealTypeId: price.mealTypeId,
            name: price.name,
            serviceType: type?.serviceType ?? '',
            carriedFrom: price.carriedFrom,
            rb: roublesField(costs.rb),
            mb: roublesField(costs.mb),
            rp: roublesField(costs.rp),
          };
        }),
      };
    }
    return {
      schoolId,
      tab,
      ...day,
      types: mealTypeRows(assignable, { status: null, query: '' }, day.today),
      assignedIds,
      prices,
    };
  } catch (failure) {
    return { schoolId, tab, ...day, types: [], assignedIds: [], prices: null, problem: loadRefusal(failure) };
  }
};

export const actions: Actions = {
  assign: async ({ request, locals }) => {
    const schoolId = schoolOf(locals);
    const mealTypeIds = checkedValues(await request.formData(), 'mealTypeId');
    try {
      await staffLedger(locals.staff!.token).assignSchoolMealTypes(schoolId, mealTypeIds);
    } catch (failure) {
      return staffRefusal(failure);
    }
    return { done: `Назначено типов питания: ${mealTypeIds.length}.` };
  },
  prices: async ({ request, locals }) => {
    const schoolId = schoolOf(locals);
    const fields = formFields(await request.formData());
    const date = fields['date'] ?? '';
    if (!isCalendarDate(date)) return fail(400, { message: 'Дата указана неверно.' });
    const ids = (fields['mealTypeIds'] ?? '').split(',').filter((id) => /^[A-Za-z0-9_.:-]{1,100}$/.test(id));
    const parsed = dayPricesFromForm(fields, ids);
    if ('problem' in parsed) return fail(400, { message: parsed.problem });
    try {
      await staffLedger(locals.staff!.token).saveDayPrices(schoolId, date, parsed.prices);
    } catch (failure) {
      return staffRefusal(failure);
    }
    return { done: 'Цены на день сохранены и подтверждены.' };
  },
};
