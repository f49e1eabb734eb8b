/** The sync job reports what happened to one delivery of a day's orders. */
export interface RecordMealSyncDelivery {
  type: 'RecordMealSyncDelivery';
  schoolId: string;
  date: string;
  version: number;
  deliveredAt: string;
}

export interface RecordMealSyncFailure {
  type: 'RecordMealSyncFailure';
  schoolId: string;
  date: string;
  version: number;
  attempt: number;
  error: string;
  failedAt: string;
}

export type MealSyncCommand = RecordMealSyncDelivery | RecordMealSyncFailure;
