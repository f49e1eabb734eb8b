/**
 * Meal management's events (seed 004). Streams: `meal-type-<mealTypeId>` (a department's
 * meal type and its statuses), `meal-settings-<departmentId>` (order settings),
 * `school-meals-<schoolId>` (the school's, classes' and pupils' meal types and the dynamic
 * types' day prices). The charges themselves are account events (events.ts).
 * Amounts are integer kopecks, dates `YYYY-MM-DD` (municipality time).
 */
import type { Kopecks } from '../money.js';

export type MealTypeStatus = 'inactive' | 'active' | 'archived';

/** Costs per funding source: РБ, МБ, РП; null = not set (the variable share of a dynamic type). */
export interface MealCostShares {
  rb: Kopecks | null;
  mb: Kopecks | null;
  rp: Kopecks | null;
}

/** A day's fixed costs (every share set). */
export interface DayCostShares {
  rb: Kopecks;
  mb: Kopecks;
  rp: Kopecks;
}

export interface MealTypeDetails {
  name: string;
  serviceType: string;
  benefitCategory: string;
  hot: boolean;
}

/* ---------- meal type: `meal-type-<mealTypeId>` ---------- */

export interface MealTypeCreated {
  type: 'meal-type.created.v1';
  data: MealTypeDetails & {
    mealTypeId: string;
    departmentId: string;
    dynamicCost: boolean;
    costs: MealCostShares;
    createdOn: string;
  };
}

/** Name, service type, benefit category or hot flag changed (never the price). */
export interface MealTypeUpdated {
  type: 'meal-type.updated.v1';
  data: MealTypeDetails & { mealTypeId: string };
}

/** The status the type has from `effectiveFrom` on (a later-dated change is scheduled). */
export interface MealTypeStatusChanged {
  type: 'meal-type.status-changed.v1';
  data: { mealTypeId: string; status: MealTypeStatus; effectiveFrom: string; changedOn: string };
}

/** The first order of the type: from now on it can never be deleted. */
export interface MealTypeFirstOrdered {
  type: 'meal-type.first-ordered.v1';
  data: { mealTypeId: string; date: string };
}

export interface MealTypeDeleted {
  type: 'meal-type.deleted.v1';
  data: { mealTypeId: string };
}

export type MealTypeEvent =
  MealTypeCreated | MealTypeUpdated | MealTypeStatusChanged | MealTypeFirstOrdered | MealTypeDeleted;

/* ---------- order settings: `meal-settings-<departmentId>` ---------- */

export interface OrderSettings {
  /** previous days a class teacher may edit (today always) */
  teacherEditDays: number;
  /** previous days a coordinator / production manager / director / deputy may edit */
  coordinatorEditDays: number;
  /** order while the balance stays at or above −N roubles; never together with creditDays */
  negativeBalanceLimitRoubles: number | null;
  /** days with a negative balance a pupil may still eat; not for dynamic types */
  creditDays: number | null;
  lockAfterSync: boolean;
  autoResyncAfterEdit: boolean;
  /** schools none of these restrictions apply to */
  exemptSchoolIds: string[];
}

export interface MealSettingsChanged {
  type: 'meal-settings.changed.v1';
  data: OrderSettings & { departmentId: string };
}

export type MealSettingsEvent = MealSettingsChanged;

/* ---------- a school's meals: `school-meals-<schoolId>` ---------- */

export interface SchoolMealTypesAssigned {
  type: 'school-meals.school-types-assigned.v1';
  data: { schoolId: string; mealTypeIds: string[] };
}

export interface ClassMealTypesAssigned {
  type: 'school-meals.class-types-assigned.v1';
  data: { schoolId: string; className: string; mealTypeIds: string[] };
}

/** The pupil's own list instead of the class's (null: back to the class's list). */
export interface PupilMealTypesAssigned {
  type: 'school-meals.pupil-types-assigned.v1';
  data: { schoolId: string; className: string; accountNumber: string; mealTypeIds: string[] | null };
}

/** The day's prices of the school's dynamic types, per funding source. */
export interface DayMealPricesSet {
  type: 'school-meals.day-prices-set.v1';
  data: {
    schoolId: string;
    date: string;
    prices: { mealTypeId: string; costs: DayCostShares }[];
    confirmed: boolean;
  };
}

export type SchoolMealsEvent =
  SchoolMealTypesAssigned | ClassMealTypesAssigned | PupilMealTypesAssigned | DayMealPricesSet;

export type MealEvent = MealTypeEvent | MealSettingsEvent | SchoolMealsEvent;

export const mealTypeStreamId = (mealTypeId: string): string => `meal-type-${mealTypeId}`;
export const mealSettingsStreamId = (departmentId: string): string => `meal-settings-${departmentId}`;
export const schoolMealsStreamId = (schoolId: string): string => `school-meals-${schoolId}`;
