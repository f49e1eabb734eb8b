/**
 * The rules of daily orders (seed 004) that do not depend on the pupil's account: who may
 * still edit a day (today always; N previous days by role; never after sync when locked;
 * exempt schools free of all of it), which meal types a pupil may be ordered that day and
 * at what price. The balance rule is decided on the account (decide-meal-order.ts).
 */
import type { DayCostShares, OrderSettings } from './meal-events.js';
import { addDays, daysBetween } from './meal-dates.js';
import {
  dayPriceMissing,
  mealTypeNotAssigned,
  mealTypeNotFound,
  mealTypeNotOrderable,
  orderTooFarAhead,
  orderWindowClosed,
  ordersLockedAfterSync,
} from './meal-errors.js';
import { mealTypeStatusOn, type MealTypeState } from './meal-type.js';
import { isExemptSchool } from './order-settings.js';
import { dayPriceOf, pupilMealTypeIds, type SchoolMealsState } from './school-meals.js';
import type { DomainError } from '../domain-error.js';

/** Whose edit window applies: the class teacher's or the coordinator's (managers, directors, deputies). */
export type OrderEditor = 'class_teacher' | 'coordinator';

/** Orders may be placed this many days ahead at most. */
export const MAX_DAYS_AHEAD = 31;

/** What the supplier sync says about the day (null: never delivered). */
export interface DaySynced {
  deliveredVersion: number | null;
}

export interface EditWindowInput {
  editor: OrderEditor;
  schoolId: string;
  date: string;
  today: string;
  settings: OrderSettings;
  daySynced: DaySynced | null;
}

export interface Editability {
  editable: boolean;
  lockedBySync: boolean;
  /** the refusal, null when editable */
  refusal: DomainError | null;
}

/** Whether the editor may change the day's orders now. */
export function orderEditability({ editor, schoolId, date, today, settings, daySynced }: EditWindowInput): Editability {
  if (daysBetween(today, date) > MAX_DAYS_AHEAD) {
    return { editable: false, lockedBySync: false, refusal: orderTooFarAhead(date, today) };
  }
  if (isExemptSchool(settings, schoolId)) return { editable: true, lockedBySync: false, refusal: null };
  const days = editor === 'class_teacher' ? settings.teacherEditDays : settings.coordinatorEditDays;
  if (date < addDays(today, -days)) {
    return { editable: false, lockedBySync: false, refusal: orderWindowClosed(date, today, days) };
  }
  const synced = daySynced !== null && daySynced.deliveredVersion !== null;
  if (settings.lockAfterSync && synced) {
    return { editable: false, lockedBySync: true, refusal: ordersLockedAfterSync(date) };
  }
  return { editable: true, lockedBySync: false, refusal: null };
}

/** Throws the refusal when the day cannot be edited. */
export function requireEditableDay(input: EditWindowInput): void {
  const { refusal } = orderEditability(input);
  if (refusal) throw refusal;
}

/** One meal as the account charges it: the type and its costs that day. */
export interface PricedMeal {
  mealTypeId: string;
  mealTypeName: string;
  serviceType: string;
  dynamicCost: boolean;
  costs: DayCostShares;
}

/**
 * The meal of `type` for a pupil on `date`, priced: the type must be active that day
 * (an archived type is not orderable from its archive date on), assigned to the school
 * and to the pupil (or the pupil's class); a dynamic type takes the school's day price.
 */
export function pricedMeal(
  type: MealTypeState,
  school: SchoolMealsState,
  pupil: { className: string; accountNumber: string },
  date: string,
): PricedMeal {
  if (!type.exists || type.deleted) throw mealTypeNotFound(type.mealTypeId);
  const status = mealTypeStatusOn(type, date);
  if (status !== 'active') throw mealTypeNotOrderable(type.name, date, status);
  if (!school.schoolTypes.includes(type.mealTypeId)) throw mealTypeNotAssigned(type.name, 'school');
  if (!pupilMealTypeIds(school, pupil.className, pupil.accountNumber).includes(type.mealTypeId)) {
    throw mealTypeNotAssigned(type.name, 'pupil');
  }
  const base = { mealTypeId: type.mealTypeId, mealTypeName: type.name, serviceType: type.serviceType };
  if (!type.dynamicCost) {
    const { rb, mb, rp } = type.costs;
    return { ...base, dynamicCost: false, costs: { rb: rb ?? 0, mb: mb ?? 0, rp: rp ?? 0 } };
  }
  const price = dayPriceOf(school, type.mealTypeId, date);
  if (price === null) throw dayPriceMissing(type.name, date);
  return { ...base, dynamicCost: true, costs: price.costs };
}

/** How far the settings let an order take a pupil's balance (decided on the account). */
export type MealBalanceAllowance =
  | { kind: 'unlimited' }
  /** the balance may go down to −limit kopecks (0: never below zero) */
  | { kind: 'limit'; limit: number }
  /** the balance may stay negative for this many days (never for dynamic types) */
  | { kind: 'credit_days'; days: number };

export function balanceAllowance(settings: OrderSettings, schoolId: string): MealBalanceAllowance {
  if (isExemptSchool(settings, schoolId)) return { kind: 'unlimited' };
  if (settings.creditDays !== null) return { kind: 'credit_days', days: settings.creditDays };
  return { kind: 'limit', limit: (settings.negativeBalanceLimitRoubles ?? 0) * 100 };
}
