/**
 * Supplier sync of the schools' day orders (background jobs): the status per school and
 * day, "sync now", and the price sheets not confirmed by the configured hour.
 */
import { z } from 'zod';
import { calendarDate } from './primitives.js';

export const mealSyncDateQuery = z.strictObject({ date: calendarDate });
export type MealSyncDateQuery = z.infer<typeof mealSyncDateQuery>;

export const mealSyncState = z.enum(['never', 'synced', 'stale', 'failed', 'queued']).meta({
  description:
    "'never': not delivered yet; 'synced': the supplier has the current version; 'stale': it has an older one; " +
    "'failed': the last delivery failed and no retry is pending; 'queued': a sync is waiting, running or retrying",
});
export type MealSyncStateName = z.infer<typeof mealSyncState>;

export const schoolSyncView = z
  .object({
    schoolId: z.string(),
    date: z.string(),
    ordersVersion: z.number().int().meta({ description: 'order changes of the school that day (0: no orders)' }),
    deliveredVersion: z.number().int().nullable(),
    deliveredAt: z.string().nullable(),
    state: mealSyncState,
    lastError: z.string().nullable(),
    attempts: z.number().int().meta({ description: 'failed attempts at the current version' }),
  })
  .meta({ id: 'SchoolSync' });
export type SchoolSyncView = z.infer<typeof schoolSyncView>;

export const departmentSyncsView = z
  .object({ departmentId: z.string(), date: z.string(), schools: z.array(schoolSyncView) })
  .meta({ id: 'DepartmentSyncs' });
export type DepartmentSyncsView = z.infer<typeof departmentSyncsView>;

export const syncQueuedView = z
  .object({
    status: z.enum(['queued', 'already_queued']),
    jobId: z.string(),
    schoolId: z.string(),
    date: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'SyncQueued' });
export type SyncQueuedView = z.infer<typeof syncQueuedView>;

export const priceSheetsView = z
  .object({
    departmentId: z.string(),
    date: z.string(),
    confirmHour: z.number().int().meta({ description: 'PRICE_CONFIRM_HOUR: prices should be confirmed by then' }),
    overdue: z.boolean().meta({ description: 'the hour has passed on that date (municipality time)' }),
    schools: z.array(z.object({ schoolId: z.string(), mealTypeIds: z.array(z.string()) })),
  })
  .meta({ id: 'UnconfirmedPriceSheets' });
export type PriceSheetsView = z.infer<typeof priceSheetsView>;
