/**
 * The meal jobs on a real redis-server: schedulers upserted at every start (same ids, no
 * duplicates), «Синхронизировать сейчас» with role and scope, retries with backoff against a
 * failing supplier with the status visible meanwhile, automatic re-sync after an edit.
 */
import { EventBus } from '@nestjs/cqrs';
import type { SchoolSyncView } from '@meals/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AutoResyncHandler } from '../../src/jobs/auto-resync.handler.js';
import { MEAL_DAY_QUEUE, MEAL_SYNC_QUEUE } from '../../src/jobs/meal-job-queues.js';
import { DayOrdersChanged } from '../../src/meals/day-orders-changed.js';
import { registerSchool } from '../support/fixtures.js';
import type { LedgerHarness } from '../support/ledger-harness.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { FakeDayOrders, FakeOrderSettings, orderLine } from './support/fake-meals.js';
import { FakeSupplierServer } from './support/fake-supplier-server.js';
import { startJobsHarness, syncEvents, testJobsSettings, waitFor } from './support/jobs-harness.js';

const SECRET = 'supplier-secret-supplier-secret-0123456789';
const DATE = '2026-12-07';

let redis: TestRedis;
let connection: Redis;

beforeAll(async () => {
  redis = await startTestRedis();
  connection = new Redis(redis.url, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  connection.disconnect();
  await redis.stop();
});

const schedulersOf = async (name: string) => {
  const queue = new Queue(name, { connection });
  try {
    const schedulers = await queue.getJobSchedulers();
    return {
      schedulers: schedulers.map(({ key, pattern, tz }) => ({ key, pattern, tz })),
      delayed: await queue.getDelayedCount(),
    };
  } finally {
    await queue.close();
  }
};

describe('schedulers', () => {
  it('exist after start, and a restart updates the same two instead of adding more', async () => {
    const first = await startJobsHarness({ settings: testJobsSettings(redis.url, { runWorkers: false }) });
    expect(await schedulersOf(MEAL_DAY_QUEUE)).toEqual({
      schedulers: [{ key: 'meal-day-start', pattern: '5 0 * * *', tz: 'Europe/Moscow' }],
      delayed: 1,
    });
    expect(await schedulersOf(MEAL_SYNC_QUEUE)).toEqual({
      schedulers: [{ key: 'meal-order-sync-cutoff', pattern: '30 9 * * *', tz: 'Europe/Moscow' }],
      delayed: 1,
    });
    await first.close(true);
    const settings = testJobsSettings(redis.url, {
      runWorkers: false,
      orderSyncCutoff: '10:15',
      timeZone: 'Asia/Yekaterinburg',
    });
    const again = await startJobsHarness({ settings }, first.dir);
    const twice = await startJobsHarness({ settings }); // a second ledger instance
    try {
      expect(await schedulersOf(MEAL_SYNC_QUEUE)).toEqual({
        schedulers: [{ key: 'meal-order-sync-cutoff', pattern: '15 10 * * *', tz: 'Asia/Yekaterinburg' }],
        delayed: 1,
      });
      expect((await schedulersOf(MEAL_DAY_QUEUE)).schedulers).toHaveLength(1);
      expect((await schedulersOf(MEAL_DAY_QUEUE)).delayed).toBe(1);
      const health = await again.get('/api/health');
      expect(health.body.details.jobs).toMatchObject({ status: 'up', state: 'up', redis: 'ready' });
      expect(health.body.details.jobs.queues[MEAL_SYNC_QUEUE]).toMatchObject({ delayed: 1 });
    } finally {
      await again.close();
      await twice.close();
    }
  });
});

describe('sync now, status, retries, automatic re-sync', () => {
  const orders = new FakeDayOrders();
  const settings = new FakeOrderSettings();
  let supplier: FakeSupplierServer;
  let h: LedgerHarness;
  let admin: string;

  beforeAll(async () => {
    await connection.flushall();
    supplier = await new FakeSupplierServer(SECRET).start();
    h = await startJobsHarness({
      settings: testJobsSettings(redis.url, {
        supplier: { http: { url: supplier.url, secret: SECRET, timeoutMs: 2_000 }, dataDir: undefined },
        retry: { attempts: 3, backoffDelayMs: 400 },
      }),
      dayOrdersReader: orders,
      orderSettings: settings,
    });
    admin = await h.key('admin');
    await registerSchool(h, admin, '24', 'uo-1');
    await registerSchool(h, admin, '25', 'uo-1');
    await registerSchool(h, admin, '31', 'uo-2');
    await h.settle();
  });
  afterAll(async () => {
    await h.close();
    await supplier.stop();
  });

  const syncs = async (departmentId: string, date = DATE, token = admin) =>
    h.get(`/api/departments/${departmentId}/syncs?date=${date}`, token);
  const schoolSync = async (schoolId: string, date = DATE) =>
    ((await syncs('uo-1', date)).body.schools as SchoolSyncView[]).find((s) => s.schoolId === schoolId)!;
  const syncNow = (schoolId: string, token: string, date = DATE) =>
    h.request('POST', `/api/schools/${schoolId}/orders/${date}/sync`, { token });

  it('the school coordinator and the department operator may sync now; others get 403', async () => {
    orders.change('24', DATE, [orderLine('3Б', 'Иванова Мария Петровна')]);
    const coordinator = await h.staff('school_staff', { schoolId: '24' });
    const queued = await syncNow('24', coordinator);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({
      status: expect.stringMatching(/queued/),
      schoolId: '24',
      date: DATE,
      version: 1,
    });
    expect((await syncNow('24', await h.staff('meal_operator', { departmentId: 'uo-1' }))).status).toBe(202);
    expect((await syncNow('24', await h.staff('department_admin', { departmentId: 'uo-1' }))).status).toBe(202);
    for (const outsider of [
      await h.staff('school_staff', { schoolId: '25' }),
      await h.staff('meal_operator', { departmentId: 'uo-2' }),
      await h.staff('class_teacher', { schoolId: '24', className: '03Б' }),
      await h.staff('auditor'),
      await h.key('till', { schoolId: '24', tillId: 'T1' }),
    ]) {
      expect((await syncNow('24', outsider)).status).toBe(403);
    }
    expect((await syncNow('24', '')).status).toBe(401);
    await waitFor('the delivery', async () => (await schoolSync('24')).state === 'synced');
    expect(await schoolSync('24')).toMatchObject({
      ordersVersion: 1,
      deliveredVersion: 1,
      lastError: null,
      attempts: 0,
    });
    expect([...supplier.deliveries.keys()]).toEqual([`24-${DATE}-v1`]);
    expect(supplier.requests.every((r) => r.signed)).toBe(true);
  });

  it('bad requests are refused in Russian and queue nothing', async () => {
    const replies = [
      await syncNow('25', admin), // no orders that day
      await syncNow('24', admin, '2026-02-30'),
      await syncNow('024', admin),
      await syncNow('999', admin),
    ];
    expect(replies.map((r) => r.status)).toEqual([409, 400, 400, 404]);
    for (const reply of replies) expect(reply.body.messageRu).toMatch(/[А-Яа-я]/);
    expect((await syncs('uo-1', '2026-13-01')).status).toBe(400);
    expect((await syncs('uo-1', DATE, await h.staff('meal_operator', { departmentId: 'uo-2' }))).status).toBe(403);
    expect((await syncs('uo-1', DATE, await h.staff('school_staff', { schoolId: '24' }))).status).toBe(403);
    expect((await syncs('uo-1', DATE, await h.staff('meal_operator', { departmentId: 'uo-1' }))).status).toBe(200);
  });

  it('a day synced again with nothing new is delivered once', async () => {
    expect((await syncNow('24', admin)).status).toBe(202);
    await waitFor('the queue to drain', async () => (await schoolSync('24')).state === 'synced');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await syncEvents(h, '24', DATE)).map((e) => e.type)).toEqual(['meal-sync.delivered.v1']);
    expect(supplier.deliveries.size).toBe(1);
  });

  it('a failing supplier: retried with backoff, the error shown meanwhile, then delivered', async () => {
    const date = '2026-12-08';
    orders.change('25', date, [orderLine('5А', 'Петров Иван')]);
    supplier.failNext = 2;
    expect((await syncNow('25', admin, date)).status).toBe(202);
    const retrying = await waitFor('a failed attempt', async () => {
      const status = await schoolSync('25', date);
      return status.state === 'queued' && status.lastError ? status : null;
    });
    expect(retrying).toMatchObject({ state: 'queued', lastError: 'HTTP 503', deliveredVersion: null });
    await waitFor('the delivery', async () => (await schoolSync('25', date)).state === 'synced');
    const events = await syncEvents(h, '25', date);
    expect(events.map((e) => [e.type, e.data['attempt'] ?? null])).toEqual([
      ['meal-sync.failed.v1', 1],
      ['meal-sync.failed.v1', 2],
      ['meal-sync.delivered.v1', null],
    ]);
    expect(events[0]!.data).toMatchObject({ error: 'HTTP 503', deliveryId: `25-${date}-v1` });
    const requests = supplier.requests.filter((r) => r.deliveryId === `25-${date}-v1`);
    expect(requests).toHaveLength(3);
    expect(await schoolSync('25', date)).toMatchObject({ lastError: null, attempts: 0 });
  });

  it('when every retry fails the day shows as failed, and sync now starts afresh', async () => {
    const date = '2026-12-09';
    orders.change('25', date, [orderLine('5А', 'Петров Иван')]);
    supplier.failNext = 3;
    expect((await syncNow('25', admin, date)).status).toBe(202);
    const failed = await waitFor('the job to give up', async () => {
      const status = await schoolSync('25', date);
      return status.state === 'failed' ? status : null;
    });
    expect(failed).toMatchObject({ lastError: 'HTTP 503', attempts: 3, deliveredVersion: null, ordersVersion: 1 });
    expect((await syncNow('25', admin, date)).body.status).toBe('queued');
    await waitFor('the delivery', async () => (await schoolSync('25', date)).state === 'synced');
  });

  it('an edit after a sync is re-synced when the department asks for it, and only then', async () => {
    const date = '2026-12-10';
    settings.byDepartment.set('uo-1', { autoResyncAfterEdit: true, exemptSchoolIds: ['25'] });
    const handler = h.app.get(AutoResyncHandler);
    orders.change('24', date, [orderLine('3Б', 'Иванова Мария Петровна')]);
    // never synced: the cut-off will send it, no re-sync
    expect(await handler.resyncIfAsked('24', date)).toBe(false);
    await syncNow('24', admin, date);
    await waitFor('v1 delivered', async () => (await schoolSync('24', date)).state === 'synced');
    // the event arrives before the read model shows the edit: the job waits for it
    h.app.get(EventBus).publish(new DayOrdersChanged('24', date));
    await new Promise((resolve) => setTimeout(resolve, 300));
    orders.change('24', date, [orderLine('3Б', 'Иванова Мария Петровна'), orderLine('3Б', 'Сидоров Пётр')]);
    await waitFor('v2 delivered', async () => {
      const events = await syncEvents(h, '24', date);
      return events.some((e) => e.type === 'meal-sync.delivered.v1' && e.data['version'] === 2);
    });
    expect(supplier.deliveries.get(`24-${date}-v2`)?.['lines']).toHaveLength(2);
    // an exempt school, and a department with the setting off, are not re-synced
    orders.change('25', date, [orderLine('5А', 'Петров Иван')]);
    await syncNow('25', admin, date);
    await waitFor('25 delivered', async () => (await schoolSync('25', date)).state === 'synced');
    orders.change('25', date, []);
    expect(await handler.resyncIfAsked('25', date)).toBe(false);
    expect((await schoolSync('25', date)).state).toBe('stale');
    settings.byDepartment.set('uo-1', { autoResyncAfterEdit: false, exemptSchoolIds: [] });
    orders.change('24', date, []);
    expect(await handler.resyncIfAsked('24', date)).toBe(false);
  });
});
