import { requireIsoInstant, requireSchoolId } from '../validation.js';
import type { MealSyncCommand } from './meal-sync-commands.js';
import { mealDeliveryId, type MealSyncEvent } from './meal-sync-events.js';
import { isVersionDelivered, type MealSyncState } from './meal-sync-state.js';
import { requireCalendarDate } from '../meals/meal-dates.js';
import { requireCount, syncErrorText } from './meal-sync-validation.js';

/**
 * Records what the sync job saw. A version is delivered at most once: a second report of
 * the same version, or of an older one after a newer was delivered, records nothing (a
 * retried job, a worker that crashed after the supplier answered). A failure of a version
 * already delivered, or an attempt already recorded, records nothing either.
 */
export function decideMealSync(command: MealSyncCommand, state: MealSyncState): MealSyncEvent[] {
  const schoolId = requireSchoolId(command.schoolId);
  const date = requireCalendarDate(command.date, 'date');
  const version = requireCount(command.version, 'version');
  const deliveryId = mealDeliveryId(schoolId, date, version);
  switch (command.type) {
    case 'RecordMealSyncDelivery': {
      const deliveredAt = requireIsoInstant(command.deliveredAt, 'deliveredAt');
      if (isVersionDelivered(state, version)) return [];
      return [{ type: 'meal-sync.delivered.v1', data: { schoolId, date, version, deliveryId, deliveredAt } }];
    }
    case 'RecordMealSyncFailure': {
      const attempt = requireCount(command.attempt, 'attempt');
      const failedAt = requireIsoInstant(command.failedAt, 'failedAt');
      if (isVersionDelivered(state, version)) return [];
      const last = state.lastFailure;
      if (last !== null && last.version === version && last.attempt >= attempt) return [];
      const error = syncErrorText(command.error);
      return [{ type: 'meal-sync.failed.v1', data: { schoolId, date, version, deliveryId, attempt, error, failedAt } }];
    }
  }
}
