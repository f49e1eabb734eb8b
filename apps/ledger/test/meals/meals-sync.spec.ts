/**
 * Meal orders and the supplier sync together, on a real redis-server: the jobs read the
 * day's orders and the department's settings through the meals slice's read models, an
 * edit of a synced day is re-synced automatically, and a locked day refuses edits.
 */
import { businessDate } from '@meals/domain';
import type { MealDelivery, MealSupplier } from '../../src/suppliers/meal-supplier.js';
import { enrol, topUp } from '../support/fixtures.js';
import type { LedgerHarness } from '../support/ledger-harness.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { startJobsHarness, testJobsSettings, waitFor } from '../jobs/support/jobs-harness.js';

class RecordingSupplier implements MealSupplier {
  readonly deliveries = new Map<string, MealDelivery>();
  async deliver(delivery: MealDelivery): Promise<void> {
    if (!this.deliveries.has(delivery.deliveryId)) this.deliveries.set(delivery.deliveryId, delivery);
  }
}

describe('meal orders synced to the supplier', () => {
  let redis: TestRedis;
  let h: LedgerHarness;
  const supplier = new RecordingSupplier();
  const today = businessDate(new Date().toISOString());

  beforeAll(async () => {
    redis = await startTestRedis();
    h = await startJobsHarness({ settings: testJobsSettings(redis.url), supplier });
  });
  afterAll(async () => {
    await h.close();
    await redis.stop();
  });

  it('delivers the day, re-syncs an edit when asked, and locks a synced day when asked', async () => {
    const admin = await h.key('admin');
    const bank = await h.key('bank');
    const [a, b] = await enrol(h, admin, '24', ['Иванова Алёна', 'Петров Борис']);
    for (const pupil of [a!, b!]) await topUp(h, bank, pupil.accountNumber, 20_000);
    const operator = await h.staff('meal_operator', { departmentId: 'uo-1' });
    const coordinator = await h.staff('school_staff', { schoolId: '24' });
    const teacher = await h.staff('class_teacher', { schoolId: '24', className: '03Б' });
    const put = (url: string, body: unknown, token: string) => h.request('PUT', url, { body, token });
    const settings = (lockAfterSync: boolean) => ({
      teacherEditDays: 0,
      coordinatorEditDays: 0,
      negativeBalanceLimitRoubles: null,
      creditDays: null,
      lockAfterSync,
      autoResyncAfterEdit: true,
      exemptSchoolIds: [],
    });

    const created = await h.post(
      '/api/departments/uo-1/meal-types',
      {
        name: 'Завтрак',
        serviceType: 'завтрак',
        benefitCategory: 'Без льготы',
        hot: true,
        dynamicCost: false,
        costs: { rb: 0, mb: 0, rp: 4500 },
      },
      operator,
    );
    const breakfast = created.body.mealType.mealTypeId as string;
    await h.post(`/api/meal-types/${breakfast}/status`, { status: 'active', effectiveFrom: today }, operator);
    expect((await put('/api/departments/uo-1/order-settings', settings(false), operator)).status).toBe(201);
    await put('/api/schools/24/meal-types', { mealTypeIds: [breakfast] }, coordinator);
    await put('/api/schools/24/classes/03Б/meal-types', { mealTypeIds: [breakfast] }, teacher);
    const order = (pupils: string[]) =>
      put(
        `/api/schools/24/classes/03Б/orders/${today}`,
        { orders: pupils.map((accountNumber) => ({ accountNumber, mealTypeIds: [breakfast] })) },
        teacher,
      );

    expect((await order([a!.accountNumber])).status).toBe(201);
    await h.settle();
    expect((await h.post(`/api/schools/24/orders/${today}/sync`, {}, coordinator)).status).toBe(202);
    const first = await waitFor('the first delivery', async () => supplier.deliveries.get(`24-${today}-v1`));
    expect(first.lines).toEqual([
      expect.objectContaining({ accountNumber: a!.accountNumber, mealTypeName: 'Завтрак', className: '03Б' }),
    ]);

    // an edit of the synced day goes to the supplier by itself
    expect((await order([b!.accountNumber])).status).toBe(201);
    const second = await waitFor('the re-sync', async () => supplier.deliveries.get(`24-${today}-v2`));
    expect(second.lines).toHaveLength(2);

    // with the lock on, the synced day refuses edits
    await put('/api/departments/uo-1/order-settings', settings(true), operator);
    const locked = await put(
      `/api/schools/24/classes/03Б/orders/${today}`,
      { orders: [{ accountNumber: a!.accountNumber, mealTypeIds: [] }] },
      teacher,
    );
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('orders_locked_after_sync');
  }, 60_000);
});
