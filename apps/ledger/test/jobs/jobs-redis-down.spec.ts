/**
 * Redis going away does not take the ledger with it: health says `degraded`, «sync now»
 * answers 503 at once in Russian instead of hanging, and the sync status still answers from
 * the sync streams. When Redis is back (empty), the schedulers are put back and syncs queue again.
 */
import { MealJobs } from '../../src/jobs/meal-jobs.js';
import { registerSchool } from '../support/fixtures.js';
import type { LedgerHarness } from '../support/ledger-harness.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { FakeDayOrders, orderLine } from './support/fake-meals.js';
import { startJobsHarness, testJobsSettings, waitFor } from './support/jobs-harness.js';

const DATE = '2026-12-07';

describe('jobs with Redis down', () => {
  let redis: TestRedis;
  let h: LedgerHarness;
  let admin: string;
  const orders = new FakeDayOrders();

  beforeAll(async () => {
    redis = await startTestRedis();
    h = await startJobsHarness({ settings: testJobsSettings(redis.url), dayOrdersReader: orders });
    admin = await h.key('admin');
    await registerSchool(h, admin, '24', 'uo-1');
    orders.change('24', DATE, [orderLine('3Б', 'Иванова Мария Петровна')]);
    await h.settle();
  });
  afterAll(async () => {
    await redis.restart(); // so that the workers can close
    await h.close();
    await redis.stop();
  });

  it('degrades health, refuses sync now at once and still shows the status; recovers with Redis', async () => {
    await redis.stop();
    const health = await waitFor('health to notice', async () => {
      const reply = await h.get('/api/health');
      return reply.body.status === 'degraded' ? reply : null;
    });
    expect(health.status).toBe(200);
    expect(health.body.details.jobs).toMatchObject({ status: 'degraded', state: 'down' });

    const refused = await h.request('POST', `/api/schools/24/orders/${DATE}/sync`, { token: admin });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'jobs_unavailable', messageRu: expect.stringMatching(/Redis/) });

    const status = await h.get(`/api/departments/uo-1/syncs?date=${DATE}`, admin);
    expect(status.status).toBe(200);
    expect(status.body.schools).toEqual([
      expect.objectContaining({ schoolId: '24', ordersVersion: 1, state: 'never' }),
    ]);

    await redis.restart(); // empty: the ledger puts its schedulers back
    await waitFor('health to recover', async () => (await h.get('/api/health')).body.status === 'ok');
    const queues = h.app.get(MealJobs).jobQueues!;
    await waitFor('the schedulers back', async () => (await queues.sync.getJobSchedulersCount()) === 1);
    expect(await queues.day.getJobSchedulersCount()).toBe(1);
    expect((await h.request('POST', `/api/schools/24/orders/${DATE}/sync`, { token: admin })).status).toBe(202);
    await waitFor('the delivery', async () => {
      const reply = await h.get(`/api/departments/uo-1/syncs?date=${DATE}`, admin);
      return reply.body.schools[0].state === 'synced';
    });
  });
});
