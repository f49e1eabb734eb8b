/**
 * What the supplier sync says about a school's day, for the "lock after sync" rule: the
 * version last delivered, read from the sync stream `meal-sync-<schoolId>-<date>` (its
 * `meal-sync.delivered.v1` events; the jobs slice writes them). Read on every order
 * change, never cached: a delivery may land at any moment.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { DaySynced } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

const DELIVERED = 'meal-sync.delivered.v1';

@Injectable()
export class DaySyncReader {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /** null when the day was never delivered */
  async daySynced(schoolId: string, date: string): Promise<DaySynced | null> {
    const events = await this.eventStore.readStream(`meal-sync-${schoolId}-${date}`);
    let deliveredVersion: number | null = null;
    for (const event of events) {
      const version = event.data['version'];
      if (event.type === DELIVERED && typeof version === 'number') deliveredVersion = version;
    }
    return deliveredVersion === null ? null : { deliveredVersion };
  }
}
