import {
  BALANCE_XOR_RU,
  changedOrders,
  dayPricesFromForm,
  newMealTypeForm,
  orderCellName,
  orderSettingsForm,
  roublesField,
  statusForm,
} from '../src/lib/meal-forms.js';

const settings = (overrides: Record<string, string> = {}) => ({
  teacherEditDays: '2',
  coordinatorEditDays: '5',
  negativeBalanceLimitRoubles: '',
  creditDays: '',
  ...overrides,
});

describe('meal forms', () => {
  it('takes a new type’s prices in roubles and sends kopecks; a dynamic type leaves РП empty', () => {
    const parsed = newMealTypeForm.parse({
      name: ' Обед ',
      serviceType: 'Обед',
      benefitCategory: 'Без льгот',
      hot: 'on',
      dynamicCost: 'on',
      rb: '20',
      mb: '10,5',
      rp: '',
    });
    expect(parsed).toEqual({
      name: 'Обед',
      serviceType: 'Обед',
      benefitCategory: 'Без льгот',
      hot: true,
      dynamicCost: true,
      costs: { rb: 2000, mb: 1050, rp: null },
    });
    const filled = newMealTypeForm.safeParse({
      name: 'Обед',
      serviceType: 'Обед',
      benefitCategory: 'x',
      dynamicCost: 'on',
      rp: '5',
    });
    expect(filled.success).toBe(false);
  });

  it.each(['-1', '1,555', '1e3', 'abc', '<b>1</b>'])('refuses the price %s in Russian', (rb) => {
    const parsed = newMealTypeForm.safeParse({ name: 'Обед', serviceType: 'Обед', benefitCategory: 'x', rb });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/РБ/);
  });

  it('refuses both balance settings at once with the seed’s warning', () => {
    const both = orderSettingsForm.safeParse(settings({ negativeBalanceLimitRoubles: '100', creditDays: '3' }));
    expect(both.error?.issues[0]?.message).toBe(BALANCE_XOR_RU);
    expect(orderSettingsForm.parse(settings({ creditDays: '3', exemptSchoolIds: '24, 31;24' }))).toEqual({
      teacherEditDays: 2,
      coordinatorEditDays: 5,
      negativeBalanceLimitRoubles: null,
      creditDays: 3,
      lockAfterSync: false,
      autoResyncAfterEdit: false,
      exemptSchoolIds: ['24', '31'],
    });
    for (const bad of [{ teacherEditDays: '-1' }, { teacherEditDays: '1.5' }, { creditDays: '0' }] as Array<
      Record<string, string>
    >)
      expect(orderSettingsForm.safeParse(settings(bad)).success).toBe(false);
  });

  it('needs every share of a day price (0 when a source does not pay)', () => {
    expect(dayPricesFromForm({ 'mt-1:rb': '20', 'mt-1:mb': '0', 'mt-1:rp': '62,30' }, ['mt-1'])).toEqual({
      prices: [{ mealTypeId: 'mt-1', costs: { rb: 2000, mb: 0, rp: 6230 } }],
    });
    expect(dayPricesFromForm({ 'mt-1:rb': '20', 'mt-1:mb': '', 'mt-1:rp': '1' }, ['mt-1'])).toHaveProperty('problem');
    expect(dayPricesFromForm({ 'mt-1:rb': '-20', 'mt-1:mb': '0', 'mt-1:rp': '1' }, ['mt-1'])).toHaveProperty('problem');
  });

  it('shows kopecks as a roubles field', () => {
    expect(roublesField(6230)).toBe('62,30');
    expect(roublesField(5)).toBe('0,05');
    expect(roublesField(null)).toBe('');
  });

  it('checks a status change', () => {
    expect(statusForm.safeParse({ mealTypeId: 'mt-1', status: 'archived', effectiveFrom: '2026-12-06' }).success).toBe(
      true,
    );
    expect(statusForm.safeParse({ mealTypeId: 'mt-1', status: 'deleted', effectiveFrom: '2026-12-06' }).success).toBe(
      false,
    );
    expect(statusForm.safeParse({ mealTypeId: 'mt-1', status: 'active', effectiveFrom: '2026-02-30' }).success).toBe(
      false,
    );
  });

  it('sends only the pupils whose ordered set changed', () => {
    const grid = {
      mealTypes: [{ mealTypeId: 'a' }, { mealTypeId: 'b' }],
      pupils: [
        {
          accountNumber: '1',
          cells: [
            { mealTypeId: 'a', ordered: true },
            { mealTypeId: 'b', ordered: false },
          ],
        },
        {
          accountNumber: '2',
          cells: [
            { mealTypeId: 'a', ordered: false },
            { mealTypeId: 'b', ordered: false },
          ],
        },
        {
          accountNumber: '3',
          cells: [
            { mealTypeId: 'a', ordered: true },
            { mealTypeId: 'b', ordered: false },
          ],
        },
      ],
    } as unknown as Parameters<typeof changedOrders>[0];
    const fields = {
      [orderCellName('1', 'a')]: 'on',
      [orderCellName('2', 'b')]: 'on',
      // pupil 3 unticked: ordered nothing
    };
    expect(changedOrders(grid, fields)).toEqual([
      { accountNumber: '2', mealTypeIds: ['b'] },
      { accountNumber: '3', mealTypeIds: [] },
    ]);
  });
});
