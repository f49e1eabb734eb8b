/**
 * A department's meal type (stream `meal-type-<mealTypeId>`, seed 004): its details, its
 * fixed costs (a price change is a new type), its statuses over time and whether it was
 * ever ordered (then it can never be deleted).
 *
 * Statuses: «Не действует» (inactive, the default) may be assigned to a school but not to
 * pupils; «Действует» (active) to both and is orderable; «Архивный» (archived) to neither
 * and is not orderable from the day after the change. A change takes effect from a date,
 * so one type can replace another on the same day (archive the old from D, activate the
 * new from D). Changes take effect from today on, except that a type never ordered may be
 * activated as of an earlier date (it was in use before it was entered).
 */
import { foldWith, type Decider } from '../decider.js';
import { MEAL_TYPE_EVENT_TYPES } from '../event-catalogue.js';
import { MAX_AMOUNT, requireId, requireName } from '../validation.js';
import { addDays, requireCalendarDate } from './meal-dates.js';
import {
  invalidMealCosts,
  invalidStatusDate,
  mealTypeArchived,
  mealTypeExists,
  mealTypeNotFound,
  mealTypeOrdered,
} from './meal-errors.js';
import {
  mealTypeStreamId,
  type MealCostShares,
  type MealTypeDetails,
  type MealTypeEvent,
  type MealTypeStatus,
} from './meal-events.js';

export interface StatusChange {
  status: MealTypeStatus;
  effectiveFrom: string;
}

export interface MealTypeState extends MealTypeDetails {
  exists: boolean;
  deleted: boolean;
  mealTypeId: string;
  departmentId: string;
  dynamicCost: boolean;
  costs: MealCostShares;
  createdOn: string;
  /** by effectiveFrom, oldest first */
  statusChanges: readonly StatusChange[];
  orderedEver: boolean;
}

export const initialMealTypeState: MealTypeState = Object.freeze({
  exists: false,
  deleted: false,
  mealTypeId: '',
  departmentId: '',
  name: '',
  serviceType: '',
  benefitCategory: '',
  hot: false,
  dynamicCost: false,
  costs: { rb: null, mb: null, rp: null },
  createdOn: '',
  statusChanges: [],
  orderedEver: false,
});

/** The type's status on `date`: the latest change in effect by then, inactive before any. */
export function mealTypeStatusOn(state: Pick<MealTypeState, 'statusChanges'>, date: string): MealTypeStatus {
  let status: MealTypeStatus = 'inactive';
  for (const change of state.statusChanges) if (change.effectiveFrom <= date) status = change.status;
  return status;
}

/** Since when the status of `date` holds (null: inactive since creation). */
export function mealTypeStatusSince(state: Pick<MealTypeState, 'statusChanges'>, date: string): string | null {
  let since: string | null = null;
  for (const change of state.statusChanges) if (change.effectiveFrom <= date) since = change.effectiveFrom;
  return since;
}

/** Active on `date`, or scheduled to become active later: what a class or a pupil may be given. */
export const isActiveOrScheduled = (state: MealTypeState, date: string): boolean =>
  mealTypeStatusOn(state, date) === 'active' ||
  state.statusChanges.some((change) => change.effectiveFrom > date && change.status === 'active');

/* ---------- commands ---------- */

export interface CreateMealType extends MealTypeDetails {
  type: 'CreateMealType';
  mealTypeId: string;
  departmentId: string;
  dynamicCost: boolean;
  costs: MealCostShares;
  today: string;
}

export interface UpdateMealType extends MealTypeDetails {
  type: 'UpdateMealType';
  mealTypeId: string;
}

export interface ChangeMealTypeStatus {
  type: 'ChangeMealTypeStatus';
  mealTypeId: string;
  status: MealTypeStatus;
  effectiveFrom: string;
  today: string;
}

/** Recorded once, on the first order of the type. */
export interface MarkMealTypeOrdered {
  type: 'MarkMealTypeOrdered';
  mealTypeId: string;
  date: string;
}

export interface DeleteMealType {
  type: 'DeleteMealType';
  mealTypeId: string;
}

export type MealTypeCommand =
  CreateMealType | UpdateMealType | ChangeMealTypeStatus | MarkMealTypeOrdered | DeleteMealType;

/* ---------- decide ---------- */

function requireDetails(command: MealTypeDetails): MealTypeDetails {
  return {
    name: requireName(command.name, 'name'),
    serviceType: requireName(command.serviceType, 'serviceType'),
    benefitCategory: requireName(command.benefitCategory, 'benefitCategory'),
    hot: command.hot === true,
  };
}

function requireShare(value: unknown, field: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_AMOUNT) {
    throw invalidMealCosts(
      `${field} must be a non-negative integer of kopecks`,
      `${field.toUpperCase()} — целое неотрицательное число копеек`,
    );
  }
  return value;
}

/**
 * Fixed types have every share set; a dynamic type leaves the variable share (РП, set per
 * day by the school) empty.
 */
function requireCosts(costs: MealCostShares, dynamicCost: boolean): MealCostShares {
  const checked = {
    rb: requireShare(costs.rb, 'rb'),
    mb: requireShare(costs.mb, 'mb'),
    rp: requireShare(costs.rp, 'rp'),
  };
  if (dynamicCost && checked.rp !== null) {
    throw invalidMealCosts(
      'the variable share (rp) of a dynamic type stays empty',
      'у типа с динамической стоимостью изменяемая составляющая (РП) остаётся пустой',
    );
  }
  if (!dynamicCost && (checked.rb === null || checked.mb === null || checked.rp === null)) {
    throw invalidMealCosts('a fixed type needs every share (0 when none)', 'укажите РБ, МБ и РП (0, если нет)');
  }
  return checked;
}

const sameDetails = (a: MealTypeDetails, b: MealTypeDetails): boolean =>
  a.name === b.name && a.serviceType === b.serviceType && a.benefitCategory === b.benefitCategory && a.hot === b.hot;

function requireLiving(state: MealTypeState, mealTypeId: string): void {
  if (!state.exists || state.deleted) throw mealTypeNotFound(mealTypeId);
}

export function decideMealType(command: MealTypeCommand, state: MealTypeState): MealTypeEvent[] {
  const mealTypeId = requireId(command.mealTypeId, 'mealTypeId');
  switch (command.type) {
    case 'CreateMealType': {
      const details = requireDetails(command);
      const costs = requireCosts(command.costs, command.dynamicCost);
      const departmentId = requireId(command.departmentId, 'departmentId');
      if (state.exists) {
        const same =
          sameDetails(state, details) &&
          state.departmentId === departmentId &&
          state.dynamicCost === command.dynamicCost &&
          JSON.stringify(state.costs) === JSON.stringify(costs);
        if (same) return [];
        throw mealTypeExists(mealTypeId);
      }
      return [
        {
          type: 'meal-type.created.v1',
          data: {
            mealTypeId,
            departmentId,
            ...details,
            dynamicCost: command.dynamicCost,
            costs,
            createdOn: requireCalendarDate(command.today, 'today'),
          },
        },
      ];
    }
    case 'UpdateMealType': {
      requireLiving(state, mealTypeId);
      const details = requireDetails(command);
      if (sameDetails(state, details)) return [];
      return [{ type: 'meal-type.updated.v1', data: { mealTypeId, ...details } }];
    }
    case 'ChangeMealTypeStatus': {
      requireLiving(state, mealTypeId);
      const today = requireCalendarDate(command.today, 'today');
      let effectiveFrom = requireCalendarDate(command.effectiveFrom, 'effectiveFrom');
      // only a type never ordered may be activated as of a past date (no order's day changes meaning)
      const backdatable = command.status === 'active' && !state.orderedEver;
      if (effectiveFrom < today && !backdatable) throw invalidStatusDate(effectiveFrom, today);
      // archiving stops orders from the day after the change: the day itself stays orderable
      if (command.status === 'archived' && effectiveFrom <= today) effectiveFrom = addDays(today, 1);
      const last = state.statusChanges.at(-1);
      if (last?.status === 'archived' && last.effectiveFrom <= effectiveFrom) throw mealTypeArchived(state.name);
      if (mealTypeStatusOn(state, '9999-12-31') === command.status && last?.effectiveFrom === effectiveFrom) return [];
      return [
        {
          type: 'meal-type.status-changed.v1',
          data: { mealTypeId, status: command.status, effectiveFrom, changedOn: today },
        },
      ];
    }
    case 'MarkMealTypeOrdered':
      requireLiving(state, mealTypeId);
      if (state.orderedEver) return [];
      return [{ type: 'meal-type.first-ordered.v1', data: { mealTypeId, date: command.date } }];
    case 'DeleteMealType':
      if (!state.exists) throw mealTypeNotFound(mealTypeId);
      if (state.deleted) return [];
      if (state.orderedEver) throw mealTypeOrdered(state.name);
      return [{ type: 'meal-type.deleted.v1', data: { mealTypeId } }];
  }
}

/* ---------- evolve ---------- */

export function evolveMealType(state: MealTypeState, event: MealTypeEvent): MealTypeState {
  switch (event.type) {
    case 'meal-type.created.v1': {
      const { createdOn, ...data } = event.data;
      return { ...state, ...data, createdOn, exists: true };
    }
    case 'meal-type.updated.v1':
      return { ...state, ...event.data };
    case 'meal-type.status-changed.v1': {
      const { status, effectiveFrom } = event.data;
      // a change replaces whatever was scheduled from its date on
      const kept = state.statusChanges.filter((change) => change.effectiveFrom < effectiveFrom);
      return { ...state, statusChanges: [...kept, { status, effectiveFrom }] };
    }
    case 'meal-type.first-ordered.v1':
      return { ...state, orderedEver: true };
    case 'meal-type.deleted.v1':
      return { ...state, deleted: true };
  }
}

export type MealTypeDecider = Decider<MealTypeCommand, MealTypeState, MealTypeEvent>;

export const mealTypeDecider: MealTypeDecider = {
  decide: decideMealType,
  evolve: evolveMealType,
  fold: foldWith(evolveMealType),
  initialState: initialMealTypeState,
  streamId: mealTypeStreamId,
  eventTypes: MEAL_TYPE_EVENT_TYPES,
};
