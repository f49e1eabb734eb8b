import { foldWith, type Decider } from '../decider.js';
import { MEAL_SYNC_EVENT_TYPES } from '../event-catalogue.js';
import type { MealSyncCommand } from './meal-sync-commands.js';
import { mealSyncStreamOf, type MealSyncEvent } from './meal-sync-events.js';
import { initialMealSyncState, type MealSyncState } from './meal-sync-state.js';
import { decideMealSync } from './decide-meal-sync.js';
import { evolveMealSync } from './evolve-meal-sync.js';

export type MealSyncDecider = Decider<MealSyncCommand, MealSyncState, MealSyncEvent>;

/** The sync of one school's day (stream `meal-sync-<schoolId>-<date>`, id from mealSyncId). */
export const mealSyncDecider: MealSyncDecider = {
  decide: decideMealSync,
  evolve: evolveMealSync,
  fold: foldWith(evolveMealSync),
  initialState: initialMealSyncState,
  streamId: mealSyncStreamOf,
  eventTypes: MEAL_SYNC_EVENT_TYPES,
};
