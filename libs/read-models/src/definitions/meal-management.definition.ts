import {
  MEAL_SETTINGS_EVENT_TYPES,
  MEAL_TYPE_EVENT_TYPES,
  evolveMealType,
  initialMealTypeState,
  type LedgerEvent,
  type MealTypeEvent,
} from '@meals/domain';
import { collections } from '../collections.js';
import type { MealTypeDoc } from '../documents.js';
import type { ProjectionDefinition } from './projection-definition.js';

const { mealTypes, mealSettings } = collections;
const mealTypeEventTypes: ReadonlySet<string> = new Set(MEAL_TYPE_EVENT_TYPES);
const isMealTypeEvent = (event: LedgerEvent): event is MealTypeEvent => mealTypeEventTypes.has(event.type);

/** Meal types per department (with their status history) and each department's order settings. */
export const mealManagementProjection: ProjectionDefinition = {
  name: 'meal-management',
  version: 1,
  eventTypes: [...MEAL_TYPE_EVENT_TYPES, ...MEAL_SETTINGS_EVENT_TYPES],
  collections: [mealTypes, mealSettings],
  writeOnly: [mealSettings],
  apply(workingSet, { event }) {
    if (event.type === 'meal-settings.changed.v1') {
      const { departmentId } = event.data;
      workingSet.put(mealSettings, departmentId, { _id: departmentId, ...event.data });
      return;
    }
    if (!isMealTypeEvent(event)) return;
    const mealTypeId = event.data.mealTypeId;
    const doc = workingSet.get(mealTypes, mealTypeId);
    // the domain's own evolve keeps the document's statuses exactly as the aggregate sees them
    const state = evolveMealType(doc ? { ...initialMealTypeState, ...doc, exists: true } : initialMealTypeState, event);
    const next: MealTypeDoc = {
      _id: mealTypeId,
      mealTypeId,
      departmentId: state.departmentId,
      name: state.name,
      serviceType: state.serviceType,
      benefitCategory: state.benefitCategory,
      hot: state.hot,
      dynamicCost: state.dynamicCost,
      costs: state.costs,
      statusChanges: [...state.statusChanges],
      orderedEver: state.orderedEver,
      deleted: state.deleted,
      createdOn: state.createdOn,
    };
    workingSet.put(mealTypes, mealTypeId, next);
  },
  targets({ event }) {
    return isMealTypeEvent(event) ? [{ collection: mealTypes.name, id: event.data.mealTypeId }] : [];
  },
};
