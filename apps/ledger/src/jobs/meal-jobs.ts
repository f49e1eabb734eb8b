/**
 * The meal jobs inside the ledger: with REDIS_URL, the queues and their schedulers (upserted
 * at every start) and, unless switched off, the workers. Start-up does not wait for Redis:
 * `ready` resolves once the schedulers are in place, and health tells how the queues are.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { businessDate } from '@meals/domain';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { ApiError } from '../http/api-error.js';
import { CLOCK, LOGGER, type Clock } from '../infrastructure/tokens.js';
import { DAY_ORDERS_READER, type DayOrdersReader } from './day-orders-reader.js';
import { JOBS_SETTINGS, type JobsSettings } from './jobs-settings.js';
import { MEAL_DAY_START, type MealDayStart } from './meal-day-start.js';
import { bullConnection, MealJobQueues, type SyncSchoolDayData } from './meal-job-queues.js';
import { startMealWorkers, type MealWorkers } from './meal-workers.js';
import { SchoolDaySync } from './school-day-sync.js';

export const jobsDisabled = () =>
  new ApiError(
    503,
    'jobs_disabled',
    'Background jobs need REDIS_URL: syncs cannot be queued',
    'Фоновые задачи отключены (не задан REDIS_URL): синхронизацию нельзя запустить',
  );

export const jobsUnavailable = () =>
  new ApiError(
    503,
    'jobs_unavailable',
    'The job queue (Redis) does not answer: try again later',
    'Очередь фоновых задач (Redis) не отвечает: повторите позже',
  );

const HEALTH_TIMEOUT_MS = 1_000;
/** A request that queues a job waits no longer than this for Redis (it queues forever otherwise). */
const QUEUE_TIMEOUT_MS = 3_000;

export interface JobsHealth {
  status: 'disabled' | 'up' | 'down';
  redis?: string;
  queues?: Record<string, Record<string, number>>;
  message?: string;
}

@Injectable()
export class MealJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private queues: MealJobQueues | null = null;
  private workers: MealWorkers | null = null;
  private started: Promise<void> = Promise.resolve();

  constructor(
    @Inject(JOBS_SETTINGS) private readonly settings: JobsSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sync: SchoolDaySync,
    @Inject(DAY_ORDERS_READER) readonly reader: DayOrdersReader,
    @Inject(MEAL_DAY_START) private readonly dayStart: MealDayStart,
  ) {}

  get enabled(): boolean {
    return this.settings.redisUrl !== undefined;
  }

  /** Resolves once the schedulers are upserted (at once when the jobs are disabled). */
  get ready(): Promise<void> {
    return this.started;
  }

  onApplicationBootstrap(): void {
    const url = this.settings.redisUrl;
    if (url === undefined) return;
    const queues = new MealJobQueues(bullConnection(url), this.settings);
    queues.connection.on('error', (error) => this.logger.warn({ err: error }, 'redis connection error'));
    this.queues = queues;
    this.started = this.upsertSchedulers(queues);
    // a Redis that comes back empty (restarted without its snapshot) gets them again
    let reconnect = false;
    queues.connection.on('ready', () => {
      if (reconnect) void this.started.then(() => this.upsertSchedulers(queues));
      reconnect = true;
    });
    if (this.settings.runWorkers) {
      this.workers = startMealWorkers(url, this.settings, {
        sync: this.sync,
        reader: this.reader,
        dayStart: this.dayStart,
        queues,
        today: () => this.today(),
        clock: this.clock,
        logger: this.logger,
      });
    }
  }

  private upsertSchedulers(queues: MealJobQueues): Promise<void> {
    const { timeZone, orderSyncCutoff } = this.settings;
    return queues.upsertSchedulers().then(
      () => this.logger.info({ timeZone, cutoff: orderSyncCutoff }, 'meal job schedulers ready'),
      (error: unknown) => this.logger.error({ err: error }, 'meal job schedulers could not be set up'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.workers?.close();
    await this.queues?.close();
    this.queues?.connection.disconnect();
  }

  /** Today in municipality time. */
  today(): string {
    return businessDate(this.clock().toISOString(), this.settings.timeZone);
  }

  /** Queues a school's day; 503 at once when Redis is down (never a request left hanging). */
  async enqueueSchoolDay(data: SyncSchoolDayData, delayMs = 0): Promise<{ jobId: string; queued: boolean }> {
    const queues = this.requireQueues();
    if (queues.connection.status !== 'ready') throw jobsUnavailable();
    try {
      return await withTimeout(queues.enqueueSchoolDay(data, delayMs), QUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not queue a sync');
      throw jobsUnavailable();
    }
  }

  /**
   * The pending sync of a school's day: undefined when none, when the jobs are off, or when
   * Redis does not answer (the status then comes from the sync streams alone).
   */
  async pendingJobOf(schoolId: string, date: string): Promise<Job<SyncSchoolDayData> | undefined> {
    const queues = this.queues;
    if (!queues || queues.connection.status !== 'ready') return undefined;
    return withTimeout(queues.pendingJobOf(schoolId, date), HEALTH_TIMEOUT_MS).catch(() => undefined);
  }

  async health(): Promise<JobsHealth> {
    const queues = this.queues;
    if (!queues) return { status: 'disabled' };
    const redis = queues.connection.status;
    if (redis !== 'ready') return { status: 'down', redis };
    try {
      const counts = await withTimeout(
        Promise.all([queues.sync.getJobCounts(), queues.day.getJobCounts()]),
        HEALTH_TIMEOUT_MS,
      );
      return { status: 'up', redis, queues: { [queues.sync.name]: counts[0], [queues.day.name]: counts[1] } };
    } catch (error) {
      return { status: 'down', redis, message: (error as Error).message };
    }
  }

  /** For tests and the status page: the queues, when the jobs are on. */
  get jobQueues(): MealJobQueues | null {
    return this.queues;
  }

  private requireQueues(): MealJobQueues {
    if (!this.queues) throw jobsDisabled();
    return this.queues;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
