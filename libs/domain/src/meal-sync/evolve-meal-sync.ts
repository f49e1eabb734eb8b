import type { MealSyncEvent } from './meal-sync-events.js';
import type { MealSyncState } from './meal-sync-state.js';

export function evolveMealSync(state: MealSyncState, event: MealSyncEvent): MealSyncState {
  switch (event.type) {
    case 'meal-sync.delivered.v1': {
      const { version, deliveredAt } = event.data;
      if (state.deliveredVersion !== null && state.deliveredVersion >= version) return state;
      const failureStillOpen = state.lastFailure !== null && state.lastFailure.version > version;
      return { deliveredVersion: version, deliveredAt, lastFailure: failureStillOpen ? state.lastFailure : null };
    }
    case 'meal-sync.failed.v1': {
      const { version, attempt, error, failedAt } = event.data;
      return { ...state, lastFailure: { version, attempt, error, failedAt } };
    }
  }
}
