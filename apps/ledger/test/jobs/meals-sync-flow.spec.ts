/**
 * The jobs on the meals slice's real read models (no fakes): a coordinator's day is synced
 * to the embedded sandbox supplier and shows on its page; an edit after the sync is re-synced
 * when the department asks for it, or refused when it locks synced days; the day-start job
 * opens tomorrow's price sheet with today's prices, unconfirmed, and lists it to the department.
 */
import { LedgerApiError, LedgerClient } from '@meals/ledger-client';
import { MealJobs } from '../../src/jobs/meal-jobs.js';
import { JOBS } from '../../src/jobs/meal-job-queues.js';
import { enrol, topUp } from '../support/fixtures.js';
import { LedgerHarness } from '../support/ledger-harness.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { syncEvents, testJobsSettings, waitFor } from './support/jobs-harness.js';

const TODAY = '2024-01-18';
const TOMORROW = '2024-01-19';

describe('supplier sync of real orders', () => {
  let redis: TestRedis;
  let h: LedgerHarness;
  let operator: string;
  let coordinator: string;
  let teacher: string;
  let breakfast: string;
  let lunch: string;
  let accounts: string[];

  const put = (url: string, body: unknown, token: string) => h.request('PUT', url, { body, token });
  const orderUrl = (date = TODAY) => `/api/schools/24/classes/${encodeURIComponent('3Б')}/orders/${date}`;
  const settings = (over: object = {}) => ({
    teacherEditDays: 0,
    coordinatorEditDays: 3,
    negativeBalanceLimitRoubles: null,
    creditDays: null,
    lockAfterSync: false,
    autoResyncAfterEdit: false,
    exemptSchoolIds: [],
    ...over,
  });
  const schoolSync = async (date = TODAY) =>
    (await h.get(`/api/departments/uo-1/syncs?date=${date}`, operator)).body.schools.find(
      (s: { schoolId: string }) => s.schoolId === '24',
    );
  const newType = async (name: string, dynamicCost: boolean, costs: object) => {
    const created = await h.post(
      '/api/departments/uo-1/meal-types',
      { name, serviceType: 'обед', benefitCategory: 'Без льготы', hot: true, dynamicCost, costs },
      operator,
    );
    const id = created.body.mealType.mealTypeId as string;
    await h.post(`/api/meal-types/${id}/status`, { status: 'active', effectiveFrom: TODAY }, operator);
    return id;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    h = await LedgerHarness.start({
      clock: () => new Date('2024-01-18T09:00:00Z'),
      jobs: { settings: testJobsSettings(redis.url) },
    });
    await h.app.get(MealJobs).ready;
    const admin = await h.key('admin');
    const bank = await h.key('bank');
    const pupils = await enrol(h, admin, '24', ['Иванова Алёна Сергеевна', 'Петров Борис', 'Сидоров Вадим']);
    accounts = pupils.map((p) => p.accountNumber);
    for (const account of accounts) await topUp(h, bank, account, 50_000);
    operator = await h.staff('meal_operator', { departmentId: 'uo-1' });
    coordinator = await h.staff('school_staff', { schoolId: '24' });
    teacher = await h.staff('class_teacher', { schoolId: '24', className: '3Б' });
    breakfast = await newType('Завтрак 1-4', false, { rb: 2000, mb: 1000, rp: 4500 });
    lunch = await newType('Обед (своя столовая)', true, { rb: 0, mb: 0, rp: null });
    expect((await put('/api/departments/uo-1/order-settings', settings(), operator)).status).toBe(201);
    await put('/api/schools/24/meal-types', { mealTypeIds: [breakfast, lunch] }, coordinator);
    await put(
      `/api/schools/24/meal-prices/${TODAY}`,
      { prices: [{ mealTypeId: lunch, costs: { rb: 1000, mb: 500, rp: 6000 } }], confirmed: true },
      coordinator,
    );
    await put('/api/schools/24/classes/3Б/meal-types', { mealTypeIds: [breakfast, lunch] }, teacher);
    const ordered = await put(
      orderUrl(),
      { orders: accounts.map((accountNumber) => ({ accountNumber, mealTypeIds: [breakfast, lunch] })) },
      teacher,
    );
    expect(ordered.status).toBe(201);
    await h.settle();
  });
  afterAll(async () => {
    await h.close();
    await redis.stop();
  });

  it('the cut-off job syncs every school with orders; the sandbox supplier page shows the order', async () => {
    const { version } = (await h.get(`/api/schools/24/orders/${TODAY}`, coordinator)).body;
    await h.app.get(MealJobs).jobQueues!.enqueueDay(TODAY);
    await waitFor('the day synced', async () => (await schoolSync())?.state === 'synced');
    expect(await schoolSync()).toMatchObject({ ordersVersion: version, deliveredVersion: version, lastError: null });
    const page = await h.get(`/sandbox-supplier?date=${TODAY}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Школа № 24, 2024-01-18');
    expect(page.text).toContain(`Версия ${version}`);
    expect(page.text).toContain('Иванова А. С.');
    expect(page.text).toContain('Обед (своя столовая)');
    expect(page.text).toContain('60,00');
  });

  it('an edit after the sync is re-synced automatically when the department switched it on', async () => {
    expect(
      (await put('/api/departments/uo-1/order-settings', settings({ autoResyncAfterEdit: true }), operator)).status,
    ).toBe(201);
    await h.settle();
    const edited = await put(
      orderUrl(),
      { orders: [{ accountNumber: accounts[2]!, mealTypeIds: [breakfast] }] },
      teacher,
    );
    expect(edited.status).toBe(201);
    const synced = (await schoolSync()).deliveredVersion as number;
    await waitFor('the re-sync', async () => (await schoolSync())?.deliveredVersion === synced + 1);
    expect((await syncEvents(h, '24', TODAY)).map((e) => [e.type, e.data['version']])).toEqual([
      ['meal-sync.delivered.v1', synced],
      ['meal-sync.delivered.v1', synced + 1],
    ]);
    const page = await h.get(`/sandbox-supplier?date=${TODAY}&schoolId=24`);
    expect(page.text).toContain(`Версия ${synced + 1}`);
  });

  it('with «lock after sync» an edit of a synced day is refused in Russian', async () => {
    await put('/api/departments/uo-1/order-settings', settings({ lockAfterSync: true }), operator);
    await h.settle();
    const refused = await put(orderUrl(), { orders: [{ accountNumber: accounts[1]!, mealTypeIds: [] }] }, teacher);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('orders_locked_after_sync');
    expect(refused.body.messageRu).toMatch(/[А-Яа-я]/);
  });

  it("the day-start job opens tomorrow's price sheet with today's prices, unconfirmed, and lists it", async () => {
    const before = await h.get(`/api/departments/uo-1/price-sheets?date=${TOMORROW}`, operator);
    expect(before.body).toMatchObject({
      confirmHour: 10,
      overdue: false,
      schools: [{ schoolId: '24', mealTypeIds: [lunch] }],
    });
    const queues = h.app.get(MealJobs).jobQueues!;
    const job = await queues.day.add(JOBS.startDay, { date: TOMORROW });
    await waitFor('the day-start job', async () => (await job.getState()) === 'completed');
    expect((await queues.day.getJob(job.id!))!.returnvalue).toEqual({ date: TOMORROW, opened: ['24'] });
    const sheet = await h.get(`/api/schools/24/meal-prices/${TOMORROW}`, coordinator);
    expect(sheet.body).toMatchObject({
      confirmed: false,
      prices: [{ mealTypeId: lunch, costs: { rb: 1000, mb: 500, rp: 6000 }, carriedFrom: null }],
    });
    // again: nothing more to open
    const again = await queues.day.add(JOBS.startDay, { date: TOMORROW });
    await waitFor('the second run', async () => (await again.getState()) === 'completed');
    expect((await queues.day.getJob(again.id!))!.returnvalue).toEqual({ date: TOMORROW, opened: [] });
    // today's prices were confirmed: not listed; the hour has passed for today
    const today = await h.get(`/api/departments/uo-1/price-sheets?date=${TODAY}`, operator);
    expect(today.body).toMatchObject({ overdue: true, schools: [] });
    expect((await h.get(`/api/departments/uo-1/price-sheets?date=${TODAY}`, teacher)).status).toBe(403);
  });

  it('the typed client reads the status, queues a sync and lists the price sheets', async () => {
    await h.app.listen(0, '127.0.0.1');
    const client = new LedgerClient({ baseUrl: await h.app.getUrl() }).withToken(operator);
    const status = await client.mealSyncs('uo-1', TODAY);
    expect(status.schools).toEqual([expect.objectContaining({ schoolId: '24', state: 'synced' })]);
    expect(await client.syncSchoolDay('24', TODAY)).toMatchObject({ schoolId: '24', date: TODAY, status: 'queued' });
    expect((await client.unconfirmedPriceSheets('uo-1', TOMORROW)).schools).toEqual([
      { schoolId: '24', mealTypeIds: [lunch] },
    ]);
    const refused = await client.syncSchoolDay('24', '2024-02-01').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LedgerApiError);
    expect(refused).toMatchObject({ statusCode: 409, code: 'no_orders' });
  });
});
