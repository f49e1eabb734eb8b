/**
 * The ledger's BullMQ queues on Redis: `meal-sync` (one job per school and day and order
 * version, plus the daily fan-out at the cut-off) and `meal-day` (the day-start job after
 * midnight). Schedulers are upserted under fixed ids, so every start (and every ledger
 * instance) updates the same two schedulers instead of adding more.
 */
import { Queue, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { dailyAt, type JobsSettings } from './jobs-settings.js';

export const MEAL_SYNC_QUEUE = 'meal-sync';
export const MEAL_DAY_QUEUE = 'meal-day';

/** Scheduler ids: stable forever (a renamed one would leave the old one running). */
export const SCHEDULERS = { dayStart: 'meal-day-start', orderSync: 'meal-order-sync-cutoff' } as const;
/** The day-start job runs five minutes after midnight, municipality time. */
export const DAY_START_PATTERN = '5 0 * * *';

/** Job names. */
export const JOBS = { syncSchoolDay: 'sync-school-day', syncDay: 'sync-day', startDay: 'start-day' } as const;

export interface SyncSchoolDayData {
  schoolId: string;
  date: string;
  /**
   * The version the supplier must get at least (the job delivers whatever is current when it
   * runs; an older one there means the read model has not caught up: the job retries).
   */
  version: number;
  reason: 'cutoff' | 'manual' | 'auto_resync';
}
/** No date: the day the job runs on (municipality time). */
export interface DayJobData {
  date?: string;
}

/**
 * One pending sync per (school, day): queuing it again while one waits adds nothing (the
 * waiting one delivers the current orders); while one runs, one more is kept for after it.
 */
export const syncDeduplicationId = (schoolId: string, date: string): string => `sync-${schoolId}-${date}`;

/** A Redis connection as BullMQ needs it (its blocking commands must wait, never fail after N retries). */
export const bullConnection = (url: string): Redis =>
  new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });

const DAY_MS = 24 * 60 * 60 * 1000;

/** The once-a-day jobs: a few retries a minute apart and more; a few weeks of them kept for a look. */
const DAILY_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { count: 60 },
  removeOnFail: { count: 60 },
} satisfies JobsOptions;

export class MealJobQueues {
  readonly sync: Queue<SyncSchoolDayData | DayJobData>;
  readonly day: Queue<DayJobData>;

  constructor(
    readonly connection: Redis,
    private readonly settings: JobsSettings,
  ) {
    this.sync = new Queue(MEAL_SYNC_QUEUE, { connection });
    this.day = new Queue(MEAL_DAY_QUEUE, { connection });
  }

  /** Creates or updates both schedulers (same ids every time: no duplicates). */
  async upsertSchedulers(): Promise<void> {
    const tz = this.settings.timeZone;
    // the template is replaced as a whole on every upsert: every option is spelled out here
    await this.day.upsertJobScheduler(
      SCHEDULERS.dayStart,
      { pattern: DAY_START_PATTERN, tz },
      { name: JOBS.startDay, data: {}, opts: DAILY_JOB_OPTIONS },
    );
    await this.sync.upsertJobScheduler(
      SCHEDULERS.orderSync,
      { pattern: dailyAt(this.settings.orderSyncCutoff), tz },
      { name: JOBS.syncDay, data: {}, opts: DAILY_JOB_OPTIONS },
    );
  }

  /** Queues the sync of one school's day (after `delayMs`); `queued` false: one was already waiting. */
  async enqueueSchoolDay(data: SyncSchoolDayData, delayMs = 0): Promise<{ jobId: string; queued: boolean }> {
    const id = syncDeduplicationId(data.schoolId, data.date);
    const before = await this.sync.getDeduplicationJobId(id);
    const job = await this.sync.add(JOBS.syncSchoolDay, data, {
      ...this.syncJobOptions(),
      delay: delayMs,
      deduplication: { id, keepLastIfActive: true },
    });
    const jobId = job.id ?? '';
    return { jobId, queued: jobId !== before };
  }

  /** Queues the daily fan-out for `date` now (what the cut-off scheduler does). */
  async enqueueDay(date: string): Promise<void> {
    await this.sync.add(JOBS.syncDay, { date }, DAILY_JOB_OPTIONS);
  }

  /** The pending sync of that school's day (waiting, running or waiting to retry), if any. */
  async pendingJobOf(schoolId: string, date: string): Promise<Job<SyncSchoolDayData> | undefined> {
    const jobId = await this.sync.getDeduplicationJobId(syncDeduplicationId(schoolId, date));
    return jobId ? ((await this.sync.getJob(jobId)) as Job<SyncSchoolDayData> | undefined) : undefined;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sync.close(), this.day.close()]);
  }

  private syncJobOptions(): JobsOptions {
    return {
      attempts: this.settings.retry.attempts,
      backoff: { type: 'exponential', delay: this.settings.retry.backoffDelayMs },
      // kept a while for the status page, then dropped (the sync stream keeps the facts)
      removeOnComplete: { age: (7 * DAY_MS) / 1000, count: 10_000 },
      removeOnFail: { age: (30 * DAY_MS) / 1000 },
    };
  }
}
