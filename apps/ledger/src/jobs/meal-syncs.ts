/** The sync streams as the ledger loads and saves them: `meal-sync-<schoolId>-<date>`. */
import { CommandRunner, type CommandMetrics } from '@meals/command-runner';
import { mealSyncDecider, type MealSyncCommand, type MealSyncEvent, type MealSyncState } from '@meals/domain';
import type { EventStore } from '@meals/event-store';

export class MealSyncs extends CommandRunner<MealSyncCommand, MealSyncState, MealSyncEvent> {
  constructor(eventStore: EventStore, metrics?: CommandMetrics) {
    super(mealSyncDecider, eventStore, { cacheCapacity: 2_000, ...(metrics ? { metrics } : {}) });
  }
}
