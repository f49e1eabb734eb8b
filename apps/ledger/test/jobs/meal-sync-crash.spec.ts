/**
 * Exactly once with a worker killed mid-sync: a worker process takes the job and sends the
 * delivery, the supplier receives it but the worker dies (SIGKILL) before it can record it.
 * Once the job's lock expires, the ledger's own worker takes the job over and delivers the
 * same delivery id again: the supplier keeps one delivery and the sync stream records one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mealSyncStreamId } from '@meals/domain';
import { MealJobs } from '../../src/jobs/meal-jobs.js';
import { registerSchool } from '../support/fixtures.js';
import type { LedgerHarness } from '../support/ledger-harness.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { FakeDayOrders, orderLine } from './support/fake-meals.js';
import { FakeSupplierServer } from './support/fake-supplier-server.js';
import { startJobsHarness, syncEvents, testJobsSettings, waitFor } from './support/jobs-harness.js';

const SECRET = 'supplier-secret-supplier-secret-0123456789';
const DATE = '2026-12-07';
const CHILD = join(import.meta.dirname, 'support', 'sync-worker-child.mjs');

describe('a worker killed mid-sync', () => {
  let redis: TestRedis;
  let supplier: FakeSupplierServer;
  let worker: ChildProcess | null = null;
  let h: LedgerHarness;

  beforeAll(async () => {
    redis = await startTestRedis();
    supplier = await new FakeSupplierServer(SECRET).start();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await h?.close();
    await supplier.stop();
    await redis.stop();
  });

  it('the day is delivered exactly once', async () => {
    const settings = testJobsSettings(redis.url, {
      supplier: { http: { url: supplier.url, secret: SECRET, timeoutMs: 60_000 }, dataDir: undefined },
    });
    // the ledger queues, the child works: the ledger's workers start only after the crash
    const orders = new FakeDayOrders();
    h = await startJobsHarness({ settings: { ...settings, runWorkers: false }, dayOrdersReader: orders });
    const ordersFile = join(h.dir, 'orders.json');
    const mirrored = new FakeDayOrders(ordersFile);
    const admin = await h.key('admin');
    await registerSchool(h, admin, '24', 'uo-1');
    for (const reader of [orders, mirrored]) reader.change('24', DATE, [orderLine('3Б', 'Иванова Мария Петровна')]);

    worker = spawn(process.execPath, [CHILD], {
      env: {
        ...process.env,
        REDIS_URL: redis.url,
        EVENTS_DB: join(h.dir, 'events.db'),
        ORDERS_FILE: ordersFile,
        SUPPLIER_URL: supplier.url,
        SUPPLIER_SECRET: SECRET,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      worker!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      worker!.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    });

    supplier.hold = true; // the supplier takes the delivery and the answer never reaches the worker
    const arrived = supplier.nextRequest();
    expect((await h.request('POST', `/api/schools/24/orders/${DATE}/sync`, { token: admin })).status).toBe(202);
    await arrived;
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    worker = null;
    expect(supplier.deliveries.size).toBe(1);
    expect(await h.eventStore.readStream(mealSyncStreamId('24', DATE))).toEqual([]);

    // a live worker: the ledger restarted with its workers on
    await h.close(true);
    supplier.hold = false;
    h = await startJobsHarness({ settings, dayOrdersReader: orders }, h.dir);
    await waitFor('the delivery to be recorded', async () => (await syncEvents(h, '24', DATE)).length > 0, 30_000);
    const queues = h.app.get(MealJobs).jobQueues!;
    await waitFor('the job to complete', async () => (await queues.sync.getCompletedCount()) === 1);

    expect(supplier.requests.map((r) => r.deliveryId)).toEqual([`24-${DATE}-v1`, `24-${DATE}-v1`]);
    expect([...supplier.deliveries.keys()]).toEqual([`24-${DATE}-v1`]);
    expect((await syncEvents(h, '24', DATE)).map((e) => [e.type, e.data['version']])).toEqual([
      ['meal-sync.delivered.v1', 1],
    ]);
  });
});
