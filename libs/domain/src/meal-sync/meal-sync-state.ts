/** What a sync stream tells: the last delivered version and the last failed attempt after it. */
export interface MealSyncState {
  /** the highest order version the supplier received, or null before the first delivery */
  deliveredVersion: number | null;
  deliveredAt: string | null;
  /** the latest failed attempt at a version newer than the delivered one, else null */
  lastFailure: MealSyncFailure | null;
}

export interface MealSyncFailure {
  version: number;
  attempt: number;
  error: string;
  failedAt: string;
}

export const initialMealSyncState: MealSyncState = Object.freeze({
  deliveredVersion: null,
  deliveredAt: null,
  lastFailure: null,
});

/** True when the supplier already has `version` of the day or a newer one. */
export const isVersionDelivered = (state: MealSyncState, version: number): boolean =>
  state.deliveredVersion !== null && state.deliveredVersion >= version;
