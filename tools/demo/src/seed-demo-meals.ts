/**
 * Seeds the demo city's meal management (seed 004) through the real API, after its money:
 * the department's meal types (a dynamic one among them), its order settings, the types of
 * every school and class, the dynamic type's price of each day, and the class orders of
 * the last weeks (each ordered meal charges the parents' share). Seeding twice changes
 * nothing: an existing type list is reused, assignments and orders answer `duplicate`.
 */
import type { CreateMealTypeRequest, MealTypeView } from '@meals/contracts';
import { LedgerApiError, LedgerClient } from '@meals/ledger-client';
import { forEachConcurrently } from './concurrency.js';
import { DEMO_DEPARTMENT } from './demo-city.js';
import { addDays, lastSchoolDays, moscowDate } from './school-calendar.js';

/** The class each demo school's class teacher works with. */
export const DEMO_TEACHER_CLASS = '03Б';

export interface SeedDemoMealsOptions {
  baseUrl: string;
  /** the system admin: creates the types and settings, orders as the schools' coordinators would */
  adminToken: string;
  schoolIds: readonly string[];
  now: Date;
  /** school days of orders up to today (default 15: three weeks) */
  orderDays?: number;
  concurrency?: number;
  log?: (message: string) => void;
}

export interface SeedDemoMealsSummary {
  mealTypes: number;
  classes: number;
  orders: { recorded: number; unchanged: number; refused: number };
  failures: string[];
}

type DemoMealType = CreateMealTypeRequest & { grades: 'junior' | 'senior' | 'all' };

const DEMO_MEAL_TYPES: readonly DemoMealType[] = [
  {
    name: 'Завтрак 1-4 классы',
    serviceType: 'завтрак',
    benefitCategory: 'Без льготы',
    hot: true,
    dynamicCost: false,
    costs: { rb: 2500, mb: 1500, rp: 4500 },
    grades: 'junior',
  },
  {
    name: 'Обед 5-11 классы',
    serviceType: 'обед',
    benefitCategory: 'Без льготы',
    hot: true,
    dynamicCost: false,
    costs: { rb: 0, mb: 3000, rp: 8000 },
    grades: 'senior',
  },
  {
    name: 'Полдник (своя столовая)',
    serviceType: 'полдник',
    benefitCategory: 'Без льготы',
    hot: false,
    dynamicCost: true,
    costs: { rb: 0, mb: 0, rp: null },
    grades: 'all',
  },
];

const gradeOf = (className: string): number => Number(className.slice(0, 2));
const forClass = (type: DemoMealType, className: string): boolean =>
  type.grades === 'all' || (type.grades === 'junior') === gradeOf(className) <= 4;

/** A stable pseudo-random choice per (pupil, day, type): the seeding is the same each time. */
function picked(...parts: string[]): boolean {
  let hash = 2166136261;
  for (const char of parts.join('|')) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash >>> 0) % 100 < 80;
}

export async function seedDemoMeals(options: SeedDemoMealsOptions): Promise<SeedDemoMealsSummary> {
  const log = options.log ?? (() => undefined);
  const admin = new LedgerClient({ baseUrl: options.baseUrl, token: options.adminToken });
  const departmentId = DEMO_DEPARTMENT.departmentId;
  const today = moscowDate(options.now);
  const days = lastSchoolDays(addDays(today, 1), options.orderDays ?? 15);
  const summary: SeedDemoMealsSummary = {
    mealTypes: 0,
    classes: 0,
    orders: { recorded: 0, unchanged: 0, refused: 0 },
    failures: [],
  };

  // the types (once), active from the first day of orders
  const existing = (await admin.mealTypes(departmentId)).mealTypes;
  const types: { spec: DemoMealType; view: MealTypeView }[] = [];
  for (const spec of DEMO_MEAL_TYPES) {
    let view = existing.find((type) => type.name === spec.name);
    if (!view) {
      const { grades: _grades, ...request } = spec;
      view = (await admin.createMealType(departmentId, request)).mealType;
      view = (await admin.changeMealTypeStatus(view.mealTypeId, { status: 'active', effectiveFrom: days[0]! }))
        .mealType;
    }
    types.push({ spec, view });
  }
  summary.mealTypes = types.length;
  await admin.saveOrderSettings(departmentId, {
    teacherEditDays: 2,
    coordinatorEditDays: 30,
    negativeBalanceLimitRoubles: 100,
    creditDays: null,
    lockAfterSync: false,
    autoResyncAfterEdit: true,
    exemptSchoolIds: [],
  });
  const dynamic = types.filter((type) => type.spec.dynamicCost);

  await forEachConcurrently(options.schoolIds, 2, async (schoolId) => {
    await admin.assignSchoolMealTypes(schoolId, { mealTypeIds: types.map((type) => type.view.mealTypeId) });
    for (const [i, date] of days.entries()) {
      await admin.setDayPrices(schoolId, date, {
        prices: dynamic.map((type) => ({
          mealTypeId: type.view.mealTypeId,
          costs: { rb: 0, mb: 0, rp: 2500 + 100 * (i % 5) },
        })),
        confirmed: true,
      });
    }
    const pupils = (await admin.schoolAccounts(schoolId)).accounts;
    const classes = [...new Set(pupils.map((pupil) => pupil.className))].sort();
    summary.classes += classes.length;
    await forEachConcurrently(classes, options.concurrency ?? 4, async (className) => {
      const classTypes = types.filter((type) => forClass(type.spec, className)).map((type) => type.view.mealTypeId);
      await admin.assignClassMealTypes(schoolId, className, { mealTypeIds: classTypes });
      const members = pupils.filter((pupil) => pupil.className === className);
      for (const date of days) {
        const orders = members.map((pupil) => ({
          accountNumber: pupil.accountNumber,
          mealTypeIds: classTypes.filter((id) => picked(pupil.accountNumber, date, id)),
        }));
        try {
          const answer = await admin.placeClassOrders(schoolId, className, date, { orders });
          for (const result of answer.results) {
            summary.orders[
              result.outcome === 'recorded' ? 'recorded' : result.outcome === 'refused' ? 'refused' : 'unchanged'
            ]++;
          }
        } catch (error) {
          if (summary.failures.length < 20) {
            summary.failures.push(
              `${schoolId} ${className} ${date}: ${error instanceof LedgerApiError ? error.message : String(error)}`,
            );
          }
        }
      }
    });
  });
  log(
    `meals: ${summary.mealTypes} meal types, ${summary.classes} classes, ${days.length} days of orders ` +
      `(${summary.orders.recorded} pupil-days charged, ${summary.orders.refused} refused by the balance rule)` +
      (summary.failures.length ? `, FAILED: ${summary.failures[0]}` : ''),
  );
  return summary;
}
