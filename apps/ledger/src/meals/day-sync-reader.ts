/**
 * What the supplier sync says about a school's day, for the "lock after sync" rule: the
 * version last delivered, folded from the sync stream `meal-sync-<schoolId>-<date>` with
 * the meal-sync decider (the jobs slice writes it). Read on every order change, never
 * cached: a delivery may land at any moment.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  decodeRecordedEvent,
  mealSyncDecider,
  mealSyncStreamId,
  type DaySynced,
  type MealSyncEvent,
} from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

const SYNC_TYPES: ReadonlySet<string> = new Set(mealSyncDecider.eventTypes);

@Injectable()
export class DaySyncReader {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /** null when the day was never delivered */
  async daySynced(schoolId: string, date: string): Promise<DaySynced | null> {
    const recorded = await this.eventStore.readStream(mealSyncStreamId(schoolId, date));
    const events = recorded
      .filter(({ type }) => SYNC_TYPES.has(type))
      .map(({ type, data }) => decodeRecordedEvent(type, data) as MealSyncEvent);
    const { deliveredVersion } = mealSyncDecider.fold(events, mealSyncDecider.initialState);
    return deliveredVersion === null ? null : { deliveredVersion };
  }
}
