// A meal-sync worker in a process of its own (the compiled ledger code: run after a build),
// for the crash test: it works on the test's Redis, event file and supplier, reading the
// day's orders from a JSON file the test writes. The test kills it with SIGKILL mid-sync.
import { readFileSync } from 'node:fs';
import { openSqliteEventStore } from '@meals/event-store/sqlite';
import { pino } from 'pino';
import { defaultJobsSettings } from '../../../dist/jobs/jobs-settings.js';
import { bullConnection, MealJobQueues } from '../../../dist/jobs/meal-job-queues.js';
import { MealSyncs } from '../../../dist/jobs/meal-syncs.js';
import { startMealWorkers } from '../../../dist/jobs/meal-workers.js';
import { SchoolDaySync } from '../../../dist/jobs/school-day-sync.js';
import { HttpMealSupplier } from '../../../dist/suppliers/http-meal-supplier.js';

const { REDIS_URL, EVENTS_DB, ORDERS_FILE, SUPPLIER_URL, SUPPLIER_SECRET } = process.env;
const settings = defaultJobsSettings({
  redisUrl: REDIS_URL,
  worker: { lockDurationMs: 3_000, stalledIntervalMs: 1_000, concurrency: 1 },
});
const reader = {
  read: () => JSON.parse(readFileSync(ORDERS_FILE, 'utf8')),
  async schoolsWithOrders(date) {
    return Object.keys(this.read())
      .filter((key) => key.endsWith(`|${date}`))
      .map((key) => key.split('|')[0]);
  },
  async readDayOrders(schoolId, date) {
    return this.read()[`${schoolId}|${date}`] ?? { version: 0, lines: [] };
  },
};
const logger = pino({ level: 'silent' });
const clock = () => new Date();
const eventStore = openSqliteEventStore({ path: EVENTS_DB, pollIntervalMs: 10 });
const sync = new SchoolDaySync({
  syncs: new MealSyncs(eventStore),
  reader,
  supplier: new HttpMealSupplier({ url: SUPPLIER_URL, secret: SUPPLIER_SECRET, timeoutMs: 60_000 }),
  clock,
  logger,
});
const queues = new MealJobQueues(bullConnection(REDIS_URL), settings);
const workers = startMealWorkers(REDIS_URL, settings, {
  sync,
  reader,
  dayStart: { openPriceSheets: async () => [], unconfirmedPriceSheets: async () => [] },
  queues,
  today: () => new Date().toISOString().slice(0, 10),
  clock,
  logger,
});
await Promise.all(workers.workers.map((worker) => worker.waitUntilReady()));
process.stdout.write('ready\n');
