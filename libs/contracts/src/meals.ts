/**
 * Meal management (seed 004): meal types, order settings, assignments to schools, classes
 * and pupils, dynamic day prices, daily class orders and the school's day order. Amounts
 * are integer kopecks, dates `YYYY-MM-DD` in municipality time.
 */
import { z } from 'zod';
import { normalizeClassName } from '@meals/domain';
import { commandResultFields } from './command-result.js';
import { humanText } from './human-text.js';
import { accountNumber, calendarDate, externalId, schoolId } from './primitives.js';

/* ---------- who is calling ---------- */

export const staffRole = z.enum([
  'admin',
  'department_admin',
  'school_staff',
  'till',
  'bank',
  'auditor',
  'ministry',
  'meal_operator',
  'class_teacher',
  'parent',
]);
export type StaffRole = z.infer<typeof staffRole>;

export const me = z
  .object({
    id: z.string().meta({ description: '`user:<username>`, `key:<name>` or `parent:<accountNumber>`' }),
    role: staffRole,
    displayName: z.string(),
    departmentId: z.string().nullable(),
    schoolId: z.string().nullable(),
    className: z.string().nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const departmentSummary = z.object({ departmentId: z.string(), name: z.string() }).meta({ id: 'Department' });
export type DepartmentSummary = z.infer<typeof departmentSummary>;
export const departmentList = z.array(departmentSummary).meta({ id: 'DepartmentList' });
export type DepartmentList = z.infer<typeof departmentList>;

/* ---------- meal types ---------- */

export const mealTypeStatus = z.enum(['inactive', 'active', 'archived']).meta({
  description: "'inactive' «Не действует» (default), 'active' «Действует», 'archived' «Архивный»",
});
export type MealTypeStatusName = z.infer<typeof mealTypeStatus>;

/** A cost share: integer kopecks, never negative. */
const share = z.number().int('целое число копеек').min(0, 'не может быть отрицательной');
/** Costs per funding source: РБ (regional budget), МБ (municipal budget), РП (parents' payment). */
export const mealCosts = z.strictObject({ rb: share.nullable(), mb: share.nullable(), rp: share.nullable() }).meta({
  id: 'MealCosts',
  description: 'kopecks per funding source; null = not set (the variable share of a dynamic type)',
});
export type MealCosts = z.infer<typeof mealCosts>;

/** Fixed costs of a day price: every share set. */
export const dayCosts = z.strictObject({ rb: share, mb: share, rp: share }).meta({ id: 'DayCosts' });
export type DayCosts = z.infer<typeof dayCosts>;

const mealTypeDetails = {
  name: humanText({ max: 200, example: 'Завтрак 1-4 классы' }),
  serviceType: humanText({ max: 100, example: 'завтрак' }),
  benefitCategory: humanText({ max: 200, example: 'Без льготы' }),
  hot: z.boolean().meta({ description: '«Горячее питание» (for reports)' }),
};

export const createMealTypeRequest = z
  .strictObject({ ...mealTypeDetails, dynamicCost: z.boolean(), costs: mealCosts })
  .meta({ id: 'CreateMealTypeRequest' });
export type CreateMealTypeRequest = z.infer<typeof createMealTypeRequest>;

/** Everything but the price (a price change is a new type replacing the old one). */
export const updateMealTypeRequest = z.strictObject(mealTypeDetails).meta({ id: 'UpdateMealTypeRequest' });
export type UpdateMealTypeRequest = z.infer<typeof updateMealTypeRequest>;

export const changeMealTypeStatusRequest = z
  .strictObject({ status: mealTypeStatus, effectiveFrom: calendarDate })
  .meta({ id: 'ChangeMealTypeStatusRequest' });
export type ChangeMealTypeStatusRequest = z.infer<typeof changeMealTypeStatusRequest>;

export const mealTypeStatusChange = z.object({ status: mealTypeStatus, effectiveFrom: z.string() });

export const mealTypeView = z
  .object({
    mealTypeId: z.string(),
    departmentId: z.string(),
    name: z.string(),
    serviceType: z.string(),
    benefitCategory: z.string(),
    hot: z.boolean(),
    dynamicCost: z.boolean(),
    costs: mealCosts,
    /** the status today (municipality time) */
    status: mealTypeStatus,
    /** since when the current status holds (null: inactive since creation) */
    statusEffectiveFrom: z.string().nullable(),
    /** every status change, oldest first (later-dated ones are scheduled) */
    statusChanges: z.array(mealTypeStatusChange),
    orderedEver: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'MealType' });
export type MealTypeView = z.infer<typeof mealTypeView>;

export const mealTypeListQuery = z.strictObject({ status: mealTypeStatus.optional() });
export type MealTypeListQuery = z.infer<typeof mealTypeListQuery>;

export const mealTypeList = z
  .object({ departmentId: z.string(), mealTypes: z.array(mealTypeView) })
  .meta({ id: 'MealTypeList' });
export type MealTypeList = z.infer<typeof mealTypeList>;

export const mealTypeResult = z
  .object({ ...commandResultFields, mealType: mealTypeView })
  .meta({ id: 'MealTypeResult' });
export type MealTypeResult = z.infer<typeof mealTypeResult>;

export const mealCommandResult = z.object({ ...commandResultFields }).meta({ id: 'MealCommandResult' });
export type MealCommandResult = z.infer<typeof mealCommandResult>;

/* ---------- order settings ---------- */

const days = z.number().int('целое число дней').min(0, 'не может быть отрицательным').max(366);

export const orderSettings = z
  .strictObject({
    teacherEditDays: days.meta({ description: 'previous days a class teacher may still edit (today always)' }),
    coordinatorEditDays: days.meta({ description: 'previous days a coordinator/manager/director may still edit' }),
    negativeBalanceLimitRoubles: z
      .number()
      .int('целое число рублей')
      .min(1, 'целое положительное число рублей')
      .max(1_000_000)
      .nullable()
      .meta({ description: 'order while the balance stays at or above −N roubles; never together with creditDays' }),
    creditDays: z
      .number()
      .int('целое число дней')
      .min(1, 'целое положительное число дней')
      .max(366)
      .nullable()
      .meta({ description: 'days with a negative balance a pupil may still eat (not for dynamic types)' }),
    lockAfterSync: z.boolean(),
    autoResyncAfterEdit: z.boolean(),
    exemptSchoolIds: z.array(schoolId).max(1000),
  })
  .meta({ id: 'OrderSettings' });
export type OrderSettingsBody = z.infer<typeof orderSettings>;

export const orderSettingsView = orderSettings.extend({ departmentId: z.string() }).meta({ id: 'OrderSettingsView' });
export type OrderSettingsView = z.infer<typeof orderSettingsView>;

/* ---------- assignments ---------- */

const mealTypeId = externalId.meta({ description: 'meal type id', example: 'mt-3f2a' });

export const mealTypeIdsRequest = z
  .strictObject({ mealTypeIds: z.array(mealTypeId).max(200) })
  .meta({ id: 'MealTypeIdsRequest' });
export type MealTypeIdsRequest = z.infer<typeof mealTypeIdsRequest>;

export const schoolMealTypes = z
  .object({ schoolId: z.string(), mealTypeIds: z.array(z.string()), mealTypes: z.array(mealTypeView) })
  .meta({ id: 'SchoolMealTypes' });
export type SchoolMealTypes = z.infer<typeof schoolMealTypes>;

export const classMealTypes = z
  .object({
    schoolId: z.string(),
    className: z.string(),
    mealTypeIds: z.array(z.string()),
    mealTypes: z.array(mealTypeView),
    /** pupils with their own list (instead of the class's) */
    pupils: z.array(z.object({ accountNumber: z.string(), mealTypeIds: z.array(z.string()) })),
  })
  .meta({ id: 'ClassMealTypes' });
export type ClassMealTypes = z.infer<typeof classMealTypes>;

/** A class name in the path, normalised (3Б → 03Б). */
export const classNameParam = z.string().transform((raw, context) => {
  const normalized = normalizeClassName(raw);
  if (normalized === null) context.addIssue({ code: 'custom', message: 'not a class name, e.g. 3Б or 03Б' });
  return normalized ?? raw;
});

/* ---------- dynamic day prices ---------- */

export const dayPricesRequest = z
  .strictObject({
    prices: z.array(z.strictObject({ mealTypeId, costs: dayCosts })).max(200),
    confirmed: z.boolean(),
  })
  .meta({ id: 'DayPricesRequest' });
export type DayPricesRequest = z.infer<typeof dayPricesRequest>;

export const dayPrices = z
  .object({
    schoolId: z.string(),
    date: z.string(),
    confirmed: z.boolean(),
    /** one per dynamic type assigned to the school; `carriedFrom` names the earlier day a price comes from */
    prices: z.array(
      z.object({
        mealTypeId: z.string(),
        name: z.string(),
        costs: dayCosts.nullable(),
        carriedFrom: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'DayPrices' });
export type DayPrices = z.infer<typeof dayPrices>;

/* ---------- daily class orders ---------- */

export const classOrdersRequest = z
  .strictObject({
    orders: z
      .array(z.strictObject({ accountNumber, mealTypeIds: z.array(mealTypeId).max(20) }))
      .min(1)
      .max(200),
  })
  .meta({
    id: 'ClassOrdersRequest',
    description: 'set semantics: each listed pupil gets exactly these types that day',
  });
export type ClassOrdersRequest = z.infer<typeof classOrdersRequest>;

export const orderCell = z.object({
  mealTypeId: z.string(),
  ordered: z.boolean(),
  /** the parents' share charged (kopecks); null when not ordered */
  charge: z.number().int().nullable(),
});

export const classOrderGrid = z
  .object({
    schoolId: z.string(),
    className: z.string(),
    date: z.string(),
    editable: z.boolean(),
    lockedBySync: z.boolean(),
    /** why the day cannot be edited (Russian), null when editable */
    reason: z.string().nullable(),
    mealTypes: z.array(mealTypeView),
    pupils: z.array(
      z.object({
        accountNumber: z.string(),
        fullName: z.string(),
        balance: z.number().int(),
        /** the types this pupil may get (the pupil's own list, else the class's) */
        mealTypeIds: z.array(z.string()),
        cells: z.array(orderCell),
      }),
    ),
  })
  .meta({ id: 'ClassOrderGrid' });
export type ClassOrderGrid = z.infer<typeof classOrderGrid>;

export const classOrdersResult = z
  .object({
    ...commandResultFields,
    results: z.array(
      z.object({
        accountNumber: z.string(),
        outcome: z.enum(['recorded', 'unchanged', 'refused']),
        mealTypeIds: z
          .array(z.string())
          .meta({ description: 'the types ordered for the pupil that day after the call' }),
        code: z.string().nullable(),
        message: z.string().nullable().meta({ description: 'the refusal in Russian' }),
      }),
    ),
  })
  .meta({ id: 'ClassOrdersResult' });
export type ClassOrdersResult = z.infer<typeof classOrdersResult>;

/* ---------- the school's day order (what the supplier gets) ---------- */

export const dayOrderLine = z.object({
  className: z.string(),
  accountNumber: z.string(),
  fullName: z.string(),
  mealTypeId: z.string(),
  mealTypeName: z.string(),
  serviceType: z.string(),
  costs: dayCosts,
});
export type DayOrderLine = z.infer<typeof dayOrderLine>;

export const schoolDayOrders = z
  .object({
    schoolId: z.string(),
    date: z.string(),
    version: z.number().int().meta({ description: 'number of order changes for this school and day' }),
    lines: z.array(dayOrderLine),
  })
  .meta({ id: 'SchoolDayOrders' });
export type SchoolDayOrders = z.infer<typeof schoolDayOrders>;
