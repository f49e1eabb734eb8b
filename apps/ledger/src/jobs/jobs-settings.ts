/** How the ledger runs its background jobs (see README «Фоновые задачи»). */
import { DEFAULT_TIME_ZONE } from '@meals/domain';
import type { SupplierSettings } from '../suppliers/supplier-providers.js';

export interface JobsSettings {
  /** the job queues live here; undefined: no queues (syncs can be read, not started) */
  redisUrl: string | undefined;
  /** the municipality's time zone: schedules and "today" */
  timeZone: string;
  /** the daily order sync, `HH:MM` municipality time */
  orderSyncCutoff: string;
  /** dynamic prices not confirmed by this hour (0–23) are listed to the department */
  priceConfirmHour: number;
  supplier: SupplierSettings;
  /** run workers in this process (the queues and schedulers are set up either way) */
  runWorkers: boolean;
  /** a crashed worker's job is taken over after its lock expires and a stalled check runs */
  worker: { lockDurationMs: number; stalledIntervalMs: number; concurrency: number };
  /** a failed delivery is retried this many times in all, waiting delay·2^(n-1) before the n-th retry */
  retry: { attempts: number; backoffDelayMs: number };
}

export const JOBS_SETTINGS = Symbol('JOBS_SETTINGS');

export const defaultJobsSettings = (overrides: Partial<JobsSettings> = {}): JobsSettings => ({
  redisUrl: undefined,
  timeZone: DEFAULT_TIME_ZONE,
  orderSyncCutoff: '09:30',
  priceConfirmHour: 10,
  supplier: { http: null, dataDir: undefined },
  runWorkers: true,
  worker: { lockDurationMs: 30_000, stalledIntervalMs: 30_000, concurrency: 4 },
  retry: { attempts: 8, backoffDelayMs: 5_000 },
  ...overrides,
});

/** `09:30` → the cron pattern `30 9 * * *` (every day at that minute). */
export function dailyAt(time: string): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day HH:MM: ${time}`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}
