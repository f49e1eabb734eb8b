/**
 * The workers of the meal queues: usable inside the ledger (MealJobs) and in a process of
 * its own (the crash tests run one as a child and kill it mid-sync). Each worker has its
 * own Redis connection; a job whose worker died is taken over once its lock expires.
 */
import { systemContext } from '@meals/command-runner';
import { Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { DayOrdersReader } from './day-orders-reader.js';
import type { JobsSettings } from './jobs-settings.js';
import {
  bullConnection,
  JOBS,
  MEAL_DAY_QUEUE,
  MEAL_SYNC_QUEUE,
  type DayJobData,
  type MealJobQueues,
  type SyncSchoolDayData,
} from './meal-job-queues.js';
import type { MealDayStart } from './meal-day-start.js';
import type { SchoolDaySync } from './school-day-sync.js';

export interface MealWorkerDeps {
  sync: SchoolDaySync;
  reader: DayOrdersReader;
  dayStart: MealDayStart;
  queues: MealJobQueues;
  /** today in municipality time, `YYYY-MM-DD` */
  today: () => string;
  clock: () => Date;
  logger: Logger;
}

export interface MealWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

export function startMealWorkers(redisUrl: string, settings: JobsSettings, deps: MealWorkerDeps): MealWorkers {
  const options = (connection: ReturnType<typeof bullConnection>) => ({
    connection,
    concurrency: settings.worker.concurrency,
    lockDuration: settings.worker.lockDurationMs,
    stalledInterval: settings.worker.stalledIntervalMs,
  });
  const connections = [bullConnection(redisUrl), bullConnection(redisUrl)];
  const sync = new Worker<SyncSchoolDayData | DayJobData>(
    MEAL_SYNC_QUEUE,
    (job) => processSyncJob(job, deps),
    options(connections[0]!),
  );
  const day = new Worker<DayJobData>(MEAL_DAY_QUEUE, (job) => processDayJob(job, deps), options(connections[1]!));
  const workers = [sync, day];
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      deps.logger.warn({ jobId: job?.id, name: job?.name, attemptsMade: job?.attemptsMade, err: error }, 'job failed'),
    );
    worker.on('error', (error) => deps.logger.error({ err: error }, 'queue worker error'));
  }
  return {
    workers,
    async close() {
      await Promise.allSettled(workers.map((worker) => worker.close()));
      for (const connection of connections) connection.disconnect();
    },
  };
}

async function processSyncJob(job: Job<SyncSchoolDayData | DayJobData>, deps: MealWorkerDeps) {
  if (job.name === JOBS.syncSchoolDay) {
    const { schoolId, date, version } = job.data as SyncSchoolDayData;
    return deps.sync.run({ schoolId, date, minVersion: version }, job.attemptsMade + 1, job.id ?? JOBS.syncSchoolDay);
  }
  if (job.name === JOBS.syncDay) return syncWholeDay((job.data as DayJobData).date ?? deps.today(), deps);
  throw new Error(`unknown job ${job.name}`);
}

/** The cut-off: one job per school with orders that day (a version already queued is not queued twice). */
async function syncWholeDay(date: string, { reader, queues }: MealWorkerDeps) {
  let queued = 0;
  const schools = await reader.schoolsWithOrders(date);
  for (const schoolId of schools) {
    const { version } = await reader.readDayOrders(schoolId, date);
    if (version < 1) continue;
    if ((await queues.enqueueSchoolDay({ schoolId, date, version, reason: 'cutoff' })).queued) queued++;
  }
  return { date, schools: schools.length, queued };
}

async function processDayJob(job: Job<DayJobData>, deps: MealWorkerDeps) {
  const date = job.data.date ?? deps.today();
  const context = systemContext('meal-day-start-job', { causationId: job.id ?? JOBS.startDay }, deps.clock());
  const opened = await deps.dayStart.openPriceSheets(date, context);
  deps.logger.info({ date, opened: opened.length }, 'meal day started: price sheets opened');
  return { date, opened };
}
