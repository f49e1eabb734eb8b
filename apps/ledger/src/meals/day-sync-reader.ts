/**
 * What the supplier sync says about a school's day, for the "lock after sync" rule: the
 * version last delivered, from the sync stream `meal-sync-<schoolId>-<date>` as the jobs
 * slice folds it. Read again on every order change (another process may have delivered).
 */
import { Injectable } from '@nestjs/common';
import { mealSyncId, type DaySynced } from '@meals/domain';
import { MealSyncs } from '../jobs/meal-syncs.js';

@Injectable()
export class DaySyncReader {
  constructor(private readonly syncs: MealSyncs) {}

  /** null when the day was never delivered */
  async daySynced(schoolId: string, date: string): Promise<DaySynced | null> {
    const { state } = await this.syncs.reload(mealSyncId(schoolId, date));
    return state.deliveredVersion === null ? null : { deliveredVersion: state.deliveredVersion };
  }
}
