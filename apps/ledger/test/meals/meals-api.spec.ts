import { EventBus } from '@nestjs/cqrs';
import { DayOrdersChanged } from '../../src/meals/day-orders-changed.js';
import { LedgerHarness } from '../support/ledger-harness.js';
import { enrol, topUp, type Pupil } from '../support/fixtures.js';

const TODAY = '2024-01-18';
const TOMORROW = '2024-01-19';

describe('meal management over HTTP (seed 004)', () => {
  let h: LedgerHarness;
  let admin: string;
  let operator: string;
  let coordinator: string;
  let teacher: string;
  let ministry: string;
  let pupils: Pupil[];
  let other: Pupil;
  let breakfast: string;
  let lunch: string;
  const changed: DayOrdersChanged[] = [];

  const put = (url: string, body: unknown, token: string) => h.request('PUT', url, { body, token });
  const orderUrl = (date = TODAY, className = '03Б') =>
    `/api/schools/24/classes/${encodeURIComponent(className)}/orders/${date}`;
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

  beforeAll(async () => {
    h = await LedgerHarness.start({ clock: () => new Date('2024-01-18T09:00:00Z') });
    h.app.get(EventBus).subscribe((event) => {
      if (event instanceof DayOrdersChanged) changed.push(event);
    });
    admin = await h.key('admin');
    const bank = await h.key('bank');
    pupils = await enrol(h, admin, '24', ['Иванова Алёна', 'Петров Борис', 'Сидоров Вадим']);
    [other] = await enrol(h, admin, '24', ['Кузнецова Дарья'], '04А');
    await enrol(h, admin, '7', ['Смирнов Егор'], '01А', 'uo-2');
    await topUp(h, bank, pupils[0]!.accountNumber, 20_000);
    await topUp(h, bank, pupils[1]!.accountNumber, 20_000);
    operator = await h.staff('meal_operator', { departmentId: 'uo-1' });
    coordinator = await h.staff('school_staff', { schoolId: '24' });
    teacher = await h.staff('class_teacher', { schoolId: '24', className: '3Б' });
    ministry = await h.staff('ministry');
  });
  afterAll(() => h.close());

  it('lets the operator create types («Не действует»), activate them and save the settings', async () => {
    const created = await h.post(
      '/api/departments/uo-1/meal-types',
      {
        name: 'Завтрак 1-4',
        serviceType: 'завтрак',
        benefitCategory: 'Без льготы',
        hot: true,
        dynamicCost: false,
        costs: { rb: 2000, mb: 1000, rp: 4500 },
      },
      operator,
    );
    expect(created.status).toBe(201);
    expect(created.body.mealType).toMatchObject({ status: 'inactive', orderedEver: false });
    breakfast = created.body.mealType.mealTypeId;
    const dynamic = await h.post(
      '/api/departments/uo-1/meal-types',
      {
        name: 'Обед (своя столовая)',
        serviceType: 'обед',
        benefitCategory: 'Без льготы',
        hot: true,
        dynamicCost: true,
        costs: { rb: 0, mb: 0, rp: null },
      },
      operator,
    );
    expect(dynamic.status).toBe(201);
    lunch = dynamic.body.mealType.mealTypeId;
    for (const id of [breakfast, lunch]) {
      const reply = await h.post(`/api/meal-types/${id}/status`, { status: 'active', effectiveFrom: TODAY }, operator);
      expect(reply.status).toBe(201);
      expect(reply.body.mealType.status).toBe('active');
    }
    expect((await put('/api/departments/uo-1/order-settings', settings(), operator)).status).toBe(201);
    const list = await h.get('/api/departments/uo-1/meal-types?status=active', ministry);
    expect(list.status).toBe(200);
    expect(list.body.mealTypes.map((t: { name: string }) => t.name)).toEqual(['Завтрак 1-4', 'Обед (своя столовая)']);
  });

  it('refuses bad input in Russian and changes nothing', async () => {
    const before = await h.eventCount();
    const both = await put(
      '/api/departments/uo-1/order-settings',
      settings({ negativeBalanceLimitRoubles: 100, creditDays: 3 }),
      operator,
    );
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('conflicting_balance_settings');
    expect(both.body.messageRu).toMatch(/одновременно не работают/);
    const fractional = await h.post(
      '/api/departments/uo-1/meal-types',
      {
        name: 'X',
        serviceType: 'завтрак',
        benefitCategory: 'Без льготы',
        hot: false,
        dynamicCost: false,
        costs: { rb: 10.5, mb: 0, rp: 0 },
      },
      operator,
    );
    expect(fractional.status).toBe(400);
    expect(fractional.body.messageRu).toMatch(/[А-Яа-я]/);
    const negativePrice = await put(
      `/api/schools/24/meal-prices/${TODAY}`,
      { prices: [{ mealTypeId: lunch, costs: { rb: 0, mb: 0, rp: -5 } }], confirmed: true },
      coordinator,
    );
    expect(negativePrice.status).toBe(400);
    // a department outside the operator's scope, a school outside the coordinator's
    const otherOperator = await h.staff('meal_operator', { departmentId: 'uo-2' });
    expect(
      (
        await h.post(
          '/api/departments/uo-1/meal-types',
          {
            name: 'Y',
            serviceType: 'обед',
            benefitCategory: 'Без льготы',
            hot: false,
            dynamicCost: false,
            costs: { rb: 0, mb: 0, rp: 100 },
          },
          otherOperator,
        )
      ).status,
    ).toBe(403);
    expect(
      (await h.post(`/api/meal-types/${breakfast}/status`, { status: 'archived', effectiveFrom: TODAY }, otherOperator))
        .status,
    ).toBe(403);
    expect((await put('/api/schools/7/meal-types', { mealTypeIds: [] }, coordinator)).status).toBe(403);
    // the ministry reads, never writes
    expect((await put('/api/departments/uo-1/order-settings', settings(), ministry)).status).toBe(403);
    expect(await h.eventCount()).toBe(before);
  });

  it('lets the coordinator assign types to the school and set the day price of the dynamic one', async () => {
    expect((await put('/api/schools/24/meal-types', { mealTypeIds: [breakfast, lunch] }, coordinator)).status).toBe(
      201,
    );
    const price = await put(
      `/api/schools/24/meal-prices/${TODAY}`,
      { prices: [{ mealTypeId: lunch, costs: { rb: 1000, mb: 500, rp: 6000 } }], confirmed: true },
      coordinator,
    );
    expect(price.status).toBe(201);
    const read = await h.get(`/api/schools/24/meal-prices/${TOMORROW}`, coordinator);
    expect(read.body.prices).toEqual([
      { mealTypeId: lunch, name: 'Обед (своя столовая)', costs: { rb: 1000, mb: 500, rp: 6000 }, carriedFrom: TODAY },
    ]);
    expect(read.body.confirmed).toBe(false);
  });

  it("lets school staff read their own department's types, never another's", async () => {
    expect((await h.get('/api/departments/uo-1/meal-types', coordinator)).status).toBe(200);
    expect((await h.get('/api/departments/uo-1/order-settings', teacher)).status).toBe(200);
    expect((await h.get('/api/departments/uo-2/meal-types', coordinator)).status).toBe(403);
    expect(
      (
        await h.post(
          '/api/departments/uo-1/meal-types',
          {
            name: 'Z',
            serviceType: 'обед',
            benefitCategory: 'Без льготы',
            hot: false,
            dynamicCost: false,
            costs: { rb: 0, mb: 0, rp: 1 },
          },
          coordinator,
        )
      ).status,
    ).toBe(403);
  });

  it('lets the class teacher assign types to the own class only', async () => {
    expect(
      (await put('/api/schools/24/classes/3Б/meal-types', { mealTypeIds: [breakfast, lunch] }, teacher)).status,
    ).toBe(201);
    const otherClass = await put('/api/schools/24/classes/4А/meal-types', { mealTypeIds: [breakfast] }, teacher);
    expect(otherClass.status).toBe(403);
    expect(otherClass.body.messageRu).toMatch(/своим классом/);
  });

  it('orders meals for pupils, charges the parents share and shows «Табель» lines on their statements', async () => {
    const [a, b, c] = pupils;
    const reply = await put(
      orderUrl(),
      {
        orders: [
          { accountNumber: a!.accountNumber, mealTypeIds: [breakfast, lunch] },
          { accountNumber: b!.accountNumber, mealTypeIds: [breakfast] },
          { accountNumber: c!.accountNumber, mealTypeIds: [breakfast] },
        ],
      },
      teacher,
    );
    expect(reply.status).toBe(201);
    expect(reply.body.results).toEqual([
      {
        accountNumber: a!.accountNumber,
        outcome: 'recorded',
        mealTypeIds: [breakfast, lunch],
        code: null,
        message: null,
      },
      { accountNumber: b!.accountNumber, outcome: 'recorded', mealTypeIds: [breakfast], code: null, message: null },
      {
        accountNumber: c!.accountNumber,
        outcome: 'refused',
        mealTypeIds: [],
        code: 'meal_order_balance',
        message: expect.stringMatching(/Недостаточно средств/),
      },
    ]);
    expect(changed).toContainEqual(new DayOrdersChanged('24', TODAY));

    expect((await h.get(`/api/accounts/${a!.accountNumber}`, admin)).body.balance).toBe(20_000 - 4500 - 6000);
    const statement = await h.get(`/api/accounts/${a!.accountNumber}/statement?from=${TODAY}&to=${TODAY}`, admin);
    const meals = statement.body.lines.filter((line: { kind: string }) => line.kind === 'meal_charge');
    expect(meals.map((line: { description: string; debit: number }) => [line.description, line.debit]).sort()).toEqual([
      ['Табель: Завтрак 1-4', 4500],
      ['Табель: Обед (своя столовая)', 6000],
    ]);

    const day = await h.get(`/api/schools/24/orders/${TODAY}`, coordinator);
    expect(day.body.version).toBe(3);
    expect(day.body.lines).toHaveLength(3);
    const grid = await h.get(orderUrl(), teacher);
    expect(grid.body).toMatchObject({ editable: true, lockedBySync: false, reason: null });
    expect(grid.body.pupils[0].cells).toEqual(
      expect.arrayContaining([{ mealTypeId: breakfast, ordered: true, charge: 4500 }]),
    );
  });

  it('reverses a removed meal with a new entry, and a repeat changes nothing', async () => {
    const a = pupils[0]!;
    const removed = await put(
      orderUrl(),
      { orders: [{ accountNumber: a.accountNumber, mealTypeIds: [breakfast] }] },
      teacher,
    );
    expect(removed.status).toBe(201);
    const repeat = await put(
      orderUrl(),
      { orders: [{ accountNumber: a.accountNumber, mealTypeIds: [breakfast] }] },
      teacher,
    );
    expect(repeat.status).toBe(200);
    expect(repeat.body.status).toBe('duplicate');
    expect((await h.get(`/api/accounts/${a.accountNumber}`, admin)).body.balance).toBe(20_000 - 4500);
    expect((await h.get(`/api/schools/24/orders/${TODAY}`, coordinator)).body.version).toBe(4);
  });

  it('gives a pupil their own types (active only), and refuses ordering a type outside them', async () => {
    const c = pupils[2]!;
    const inactive = await h.post(
      '/api/departments/uo-1/meal-types',
      {
        name: 'Новый завтрак',
        serviceType: 'завтрак',
        benefitCategory: 'Без льготы',
        hot: true,
        dynamicCost: false,
        costs: { rb: 0, mb: 0, rp: 5000 },
      },
      operator,
    );
    const newType = inactive.body.mealType.mealTypeId as string;
    expect(
      (await put('/api/schools/24/meal-types', { mealTypeIds: [breakfast, lunch, newType] }, coordinator)).status,
    ).toBe(201);
    const refused = await put(
      `/api/schools/24/classes/3Б/pupils/${c.accountNumber}/meal-types`,
      { mealTypeIds: [newType] },
      teacher,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('meal_type_not_assignable');
    expect(
      (await put(`/api/schools/24/classes/3Б/pupils/${c.accountNumber}/meal-types`, { mealTypeIds: [lunch] }, teacher))
        .status,
    ).toBe(201);
    const notHis = await put(
      orderUrl(),
      { orders: [{ accountNumber: c.accountNumber, mealTypeIds: [breakfast] }] },
      teacher,
    );
    expect(notHis.status).toBe(409);
    expect(notHis.body.code).toBe('meal_type_not_assigned');
    const classTypes = await h.get('/api/schools/24/classes/3Б/meal-types', teacher);
    expect(classTypes.body.pupils).toEqual([{ accountNumber: c.accountNumber, mealTypeIds: [lunch] }]);
    expect(
      (await put(`/api/schools/24/classes/3Б/pupils/${c.accountNumber}/meal-types`, { mealTypeIds: [] }, teacher))
        .status,
    ).toBe(201);
  });

  it('refuses a pupil of another class, a day outside the window, an archived type and deleting an ordered type', async () => {
    const before = await h.eventCount();
    const stranger = await put(
      orderUrl(),
      { orders: [{ accountNumber: other!.accountNumber, mealTypeIds: [breakfast] }] },
      teacher,
    );
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('pupil_not_in_class');
    const yesterday = await put(
      orderUrl('2024-01-17'),
      { orders: [{ accountNumber: pupils[1]!.accountNumber, mealTypeIds: [] }] },
      teacher,
    );
    expect(yesterday.status).toBe(403);
    expect(yesterday.body.code).toBe('order_window_closed');
    expect(yesterday.body.messageRu).toMatch(/редактировать нельзя/);
    // the coordinator's window is wider
    expect(
      (
        await put(
          orderUrl('2024-01-17'),
          { orders: [{ accountNumber: pupils[1]!.accountNumber, mealTypeIds: [] }] },
          coordinator,
        )
      ).status,
    ).toBe(200);
    const deleted = await h.request('DELETE', `/api/meal-types/${breakfast}`, { token: operator });
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe('meal_type_ordered');
    expect(await h.eventCount()).toBe(before);

    const archived = await h.post(
      `/api/meal-types/${breakfast}/status`,
      { status: 'archived', effectiveFrom: TODAY },
      operator,
    );
    expect(archived.body.mealType.statusChanges.at(-1)).toEqual({ status: 'archived', effectiveFrom: TOMORROW });
    const afterArchive = await h.eventCount();
    const late = await put(
      orderUrl(TOMORROW),
      { orders: [{ accountNumber: pupils[1]!.accountNumber, mealTypeIds: [breakfast] }] },
      teacher,
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('meal_type_not_orderable');
    expect(await h.eventCount()).toBe(afterArchive);
  });

  it('locks a synced day when the settings say so', async () => {
    expect(
      (await put('/api/departments/uo-1/order-settings', settings({ lockAfterSync: true }), operator)).status,
    ).toBe(201);
    await h.eventStore.append(`meal-sync-24-${TODAY}`, [
      {
        id: '5f0c1c1e-8b7a-4d3e-9a2b-000000000001',
        type: 'meal-sync.delivered.v1',
        data: { schoolId: '24', date: TODAY, version: 4, deliveryId: 'd-1', deliveredAt: '2024-01-18T10:00:00Z' },
        metadata: {},
      },
    ]);
    const locked = await put(
      orderUrl(),
      { orders: [{ accountNumber: pupils[1]!.accountNumber, mealTypeIds: [] }] },
      teacher,
    );
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('orders_locked_after_sync');
    expect((await h.get(orderUrl(), teacher)).body).toMatchObject({ editable: false, lockedBySync: true });
  });
});
