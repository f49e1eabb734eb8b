/**
 * The supplier sync of one school's meal orders for one day: stream
 * `meal-sync-<schoolId>-<date>`. A delivery is identified by the order version it carried;
 * the supplier deduplicates by the delivery id, the ledger records each version at most once.
 */

/** The day's orders of `version` reached the supplier. */
export interface MealSyncDelivered {
  type: 'meal-sync.delivered.v1';
  data: {
    schoolId: string;
    /** the order day, `YYYY-MM-DD` in municipality time */
    date: string;
    /** the day's order version that was delivered (number of order changes, from the read model) */
    version: number;
    /** `<schoolId>-<date>-v<version>`: the supplier deduplicates by it */
    deliveryId: string;
    deliveredAt: string;
  };
}

/** An attempt to deliver `version` failed; the job retries it with backoff. */
export interface MealSyncFailed {
  type: 'meal-sync.failed.v1';
  data: {
    schoolId: string;
    date: string;
    version: number;
    deliveryId: string;
    /** 1 for the first attempt */
    attempt: number;
    /** what went wrong, short and free of secrets (e.g. `HTTP 503`, `timeout after 10000 ms`) */
    error: string;
    failedAt: string;
  };
}

export type MealSyncEvent = MealSyncDelivered | MealSyncFailed;
export type MealSyncEventType = MealSyncEvent['type'];

/** The aggregate id of a sync stream: `<schoolId>-<date>` (a date has a fixed shape, so it splits back). */
export const mealSyncId = (schoolId: string, date: string): string => `${schoolId}-${date}`;
/** The stream of the sync with this aggregate id (see mealSyncId). */
export const mealSyncStreamOf = (id: string): string => `meal-sync-${id}`;
export const mealSyncStreamId = (schoolId: string, date: string): string =>
  mealSyncStreamOf(mealSyncId(schoolId, date));
/** The id a delivery carries to the supplier: one per (school, day, version). */
export const mealDeliveryId = (schoolId: string, date: string, version: number): string =>
  `${schoolId}-${date}-v${version}`;
