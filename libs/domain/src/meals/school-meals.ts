/**
 * A school's meals (stream `school-meals-<schoolId>`, seed 004): the meal types the
 * school's coordinator assigned to the school, those the class teachers assigned to their
 * classes and pupils, and the day prices of the dynamic types.
 *
 * Commands carry the states of the meal types they name (the application loads them), so
 * the rules on statuses are decided here: an inactive type may go to the school but not to
 * a class or pupil, an archived one to neither.
 */
import { foldWith, type Decider } from '../decider.js';
import { SCHOOL_MEALS_EVENT_TYPES } from '../event-catalogue.js';
import { MAX_AMOUNT, requireClassName, requireSchoolId } from '../validation.js';
import { requireCalendarDate } from './meal-dates.js';
import {
  invalidMealCosts,
  mealTypeNotAssignable,
  mealTypeNotAssigned,
  mealTypeNotFound,
  mealTypeOtherDepartment,
  notADynamicType,
  pupilNotInClass,
} from './meal-errors.js';
import { schoolMealsStreamId, type DayCostShares, type SchoolMealsEvent } from './meal-events.js';
import { isActiveOrScheduled, mealTypeStatusOn, type MealTypeState } from './meal-type.js';

export interface DatedPrice {
  date: string;
  costs: DayCostShares;
}

export interface SchoolMealsState {
  schoolId: string;
  schoolTypes: readonly string[];
  /** by class name */
  classTypes: ReadonlyMap<string, readonly string[]>;
  /** pupils with their own list, by account number */
  pupilTypes: ReadonlyMap<string, readonly string[]>;
  /** day prices of the dynamic types, by meal type id, oldest date first */
  prices: ReadonlyMap<string, readonly DatedPrice[]>;
  /** dates whose prices the coordinator confirmed */
  confirmedDates: ReadonlySet<string>;
}

export const initialSchoolMealsState: SchoolMealsState = Object.freeze({
  schoolId: '',
  schoolTypes: [],
  classTypes: new Map(),
  pupilTypes: new Map(),
  prices: new Map(),
  confirmedDates: new Set<string>(),
});

export interface AssignSchoolMealTypes {
  type: 'AssignSchoolMealTypes';
  schoolId: string;
  departmentId: string;
  mealTypes: MealTypeState[];
  today: string;
}

export interface AssignClassMealTypes {
  type: 'AssignClassMealTypes';
  schoolId: string;
  className: string;
  mealTypes: MealTypeState[];
  today: string;
}

export interface AssignPupilMealTypes {
  type: 'AssignPupilMealTypes';
  schoolId: string;
  className: string;
  accountNumber: string;
  /** the pupil's school and class now (from the account) */
  pupil: { schoolId: string; className: string };
  /** null: the pupil gets the class's list again */
  mealTypes: MealTypeState[] | null;
  today: string;
}

export interface SetDayPrices {
  type: 'SetDayPrices';
  schoolId: string;
  date: string;
  prices: { mealType: MealTypeState; costs: DayCostShares }[];
  confirmed: boolean;
}

export type SchoolMealsCommand = AssignSchoolMealTypes | AssignClassMealTypes | AssignPupilMealTypes | SetDayPrices;

const idsOf = (types: readonly MealTypeState[]): string[] => [...new Set(types.map((t) => t.mealTypeId))].sort();
const sameIds = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  a !== undefined && a.length === b.length && a.every((id, i) => id === b[i]);

function requireLiving(type: MealTypeState): void {
  if (!type.exists || type.deleted) throw mealTypeNotFound(type.mealTypeId);
}

/** What a class or a pupil may be given: a type of the school, active now or from a set date. */
function requireForPupils(state: SchoolMealsState, types: MealTypeState[], today: string, target: 'class' | 'pupil') {
  for (const type of types) {
    requireLiving(type);
    if (!state.schoolTypes.includes(type.mealTypeId)) throw mealTypeNotAssigned(type.name, 'school');
    if (!isActiveOrScheduled(type, today))
      throw mealTypeNotAssignable(type.name, mealTypeStatusOn(type, today), target);
  }
}

function requireShare(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_AMOUNT) {
    throw invalidMealCosts(
      `${field} must be a non-negative integer of kopecks`,
      `${field.toUpperCase()} — целое неотрицательное число копеек`,
    );
  }
  return value;
}

export function decideSchoolMeals(command: SchoolMealsCommand, state: SchoolMealsState): SchoolMealsEvent[] {
  const schoolId = requireSchoolId(command.schoolId);
  switch (command.type) {
    case 'AssignSchoolMealTypes': {
      const today = requireCalendarDate(command.today, 'today');
      for (const type of command.mealTypes) {
        requireLiving(type);
        if (type.departmentId !== command.departmentId) throw mealTypeOtherDepartment(type.name);
        const status = mealTypeStatusOn(type, today);
        if (status === 'archived') throw mealTypeNotAssignable(type.name, status, 'school');
      }
      const mealTypeIds = idsOf(command.mealTypes);
      if (sameIds(state.schoolTypes, mealTypeIds)) return [];
      return [{ type: 'school-meals.school-types-assigned.v1', data: { schoolId, mealTypeIds } }];
    }
    case 'AssignClassMealTypes': {
      const className = requireClassName(command.className);
      requireForPupils(state, command.mealTypes, requireCalendarDate(command.today, 'today'), 'class');
      const mealTypeIds = idsOf(command.mealTypes);
      if (sameIds(state.classTypes.get(className), mealTypeIds)) return [];
      return [{ type: 'school-meals.class-types-assigned.v1', data: { schoolId, className, mealTypeIds } }];
    }
    case 'AssignPupilMealTypes': {
      const className = requireClassName(command.className);
      if (command.pupil.schoolId !== schoolId || command.pupil.className !== className) {
        throw pupilNotInClass(command.accountNumber, className);
      }
      const today = requireCalendarDate(command.today, 'today');
      if (command.mealTypes === null) {
        if (!state.pupilTypes.has(command.accountNumber)) return [];
      } else {
        requireForPupils(state, command.mealTypes, today, 'pupil');
        if (sameIds(state.pupilTypes.get(command.accountNumber), idsOf(command.mealTypes))) return [];
      }
      const mealTypeIds = command.mealTypes === null ? null : idsOf(command.mealTypes);
      return [
        {
          type: 'school-meals.pupil-types-assigned.v1',
          data: { schoolId, className, accountNumber: command.accountNumber, mealTypeIds },
        },
      ];
    }
    case 'SetDayPrices': {
      const date = requireCalendarDate(command.date, 'date');
      const prices = command.prices.map(({ mealType, costs }) => {
        requireLiving(mealType);
        if (!mealType.dynamicCost) throw notADynamicType(mealType.name);
        if (!state.schoolTypes.includes(mealType.mealTypeId)) throw mealTypeNotAssigned(mealType.name, 'school');
        return {
          mealTypeId: mealType.mealTypeId,
          costs: {
            rb: requireShare(costs.rb, 'rb'),
            mb: requireShare(costs.mb, 'mb'),
            rp: requireShare(costs.rp, 'rp'),
          },
        };
      });
      const unchanged =
        state.confirmedDates.has(date) === command.confirmed &&
        prices.every(({ mealTypeId, costs }) => {
          const set = state.prices.get(mealTypeId)?.find((price) => price.date === date);
          return set !== undefined && JSON.stringify(set.costs) === JSON.stringify(costs);
        });
      if (unchanged) return [];
      return [
        { type: 'school-meals.day-prices-set.v1', data: { schoolId, date, prices, confirmed: command.confirmed } },
      ];
    }
  }
}

export function evolveSchoolMeals(state: SchoolMealsState, event: SchoolMealsEvent): SchoolMealsState {
  const schoolId = event.data.schoolId;
  switch (event.type) {
    case 'school-meals.school-types-assigned.v1':
      return { ...state, schoolId, schoolTypes: event.data.mealTypeIds };
    case 'school-meals.class-types-assigned.v1':
      return {
        ...state,
        schoolId,
        classTypes: new Map(state.classTypes).set(event.data.className, event.data.mealTypeIds),
      };
    case 'school-meals.pupil-types-assigned.v1': {
      const pupilTypes = new Map(state.pupilTypes);
      if (event.data.mealTypeIds === null) pupilTypes.delete(event.data.accountNumber);
      else pupilTypes.set(event.data.accountNumber, event.data.mealTypeIds);
      return { ...state, schoolId, pupilTypes };
    }
    case 'school-meals.day-prices-set.v1': {
      const { date, confirmed } = event.data;
      const prices = new Map(state.prices);
      for (const { mealTypeId, costs } of event.data.prices) {
        const others = (prices.get(mealTypeId) ?? []).filter((price) => price.date !== date);
        prices.set(
          mealTypeId,
          [...others, { date, costs }].sort((a, b) => a.date.localeCompare(b.date)),
        );
      }
      const confirmedDates = new Set(state.confirmedDates);
      if (confirmed) confirmedDates.add(date);
      else confirmedDates.delete(date);
      return { ...state, schoolId, prices, confirmedDates };
    }
  }
}

export const schoolMealsDecider: Decider<SchoolMealsCommand, SchoolMealsState, SchoolMealsEvent> = {
  decide: decideSchoolMeals,
  evolve: evolveSchoolMeals,
  fold: foldWith(evolveSchoolMeals),
  initialState: initialSchoolMealsState,
  streamId: schoolMealsStreamId,
  eventTypes: SCHOOL_MEALS_EVENT_TYPES,
};

/** The types a pupil may get: the pupil's own list, else the class's. */
export const pupilMealTypeIds = (
  state: SchoolMealsState,
  className: string,
  accountNumber: string,
): readonly string[] => state.pupilTypes.get(accountNumber) ?? state.classTypes.get(className) ?? [];

/** The day's price of a dynamic type: set for that day, else carried forward from the latest earlier day. */
export function dayPriceOf(state: SchoolMealsState, mealTypeId: string, date: string): DatedPrice | null {
  let found: DatedPrice | null = null;
  for (const price of state.prices.get(mealTypeId) ?? []) if (price.date <= date) found = price;
  return found;
}
