import fc from 'fast-check';
import {
  accountDecider,
  balanceAllowance,
  DomainError,
  type AccountEvent,
  type MealBalanceAllowance,
  type OrderPupilMeals,
  type PricedMeal,
} from '@meals/domain';
import { ACCOUNT, opened, toppedUp } from '../support/account-fixtures.js';
import { givenAccount } from '../support/given-when-then.js';
import { TODAY, settings } from './meal-fixtures.js';

const breakfast: PricedMeal = {
  mealTypeId: 'mt-breakfast',
  mealTypeName: 'Завтрак 1-4',
  serviceType: 'завтрак',
  dynamicCost: false,
  costs: { rb: 2000, mb: 1000, rp: 4500 },
};
const lunch: PricedMeal = {
  mealTypeId: 'mt-lunch',
  mealTypeName: 'Обед',
  serviceType: 'обед',
  dynamicCost: true,
  costs: { rb: 0, mb: 0, rp: 6000 },
};
const order = (meals: PricedMeal[], over: Partial<OrderPupilMeals> = {}): OrderPupilMeals => ({
  type: 'OrderPupilMeals',
  accountNumber: ACCOUNT,
  schoolId: '24',
  className: '03Б',
  date: TODAY,
  meals,
  allowance: { kind: 'limit', limit: 0 },
  ...over,
});
const charged = (meal: PricedMeal, n = 1, date = TODAY): AccountEvent => ({
  type: 'account.meal-charged.v1',
  data: {
    accountNumber: ACCOUNT,
    chargeId: `24:${date}:${ACCOUNT}:${meal.mealTypeId}:${n}`,
    schoolId: '24',
    className: '03Б',
    fullName: 'Иванова Алёна Петровна',
    date,
    mealTypeId: meal.mealTypeId,
    mealTypeName: meal.mealTypeName,
    serviceType: meal.serviceType,
    dynamicCost: meal.dynamicCost,
    costs: meal.costs,
    amount: meal.costs.rp,
  },
});
const reversed = (meal: PricedMeal, n = 1, amount = meal.costs.rp): AccountEvent => ({
  type: 'account.meal-charge-reversed.v1',
  data: {
    accountNumber: ACCOUNT,
    chargeId: `24:${TODAY}:${ACCOUNT}:${meal.mealTypeId}:${n}`,
    schoolId: '24',
    date: TODAY,
    mealTypeId: meal.mealTypeId,
    mealTypeName: meal.mealTypeName,
    amount,
  },
});

describe("daily orders on the pupil's account (seed 004)", () => {
  it("charges the parents' share (РП) of each ordered meal", () => {
    givenAccount(opened, toppedUp(20_000))
      .when(order([breakfast, lunch]))
      .then([charged(breakfast), charged(lunch)]);
  });

  it('records nothing when the same meals are ordered again (a retry)', () => {
    givenAccount(opened, toppedUp(20_000), charged(breakfast))
      .when(order([breakfast]))
      .thenNothing();
  });

  it('reverses a removed meal with a new entry, and charges a re-ordered one anew', () => {
    givenAccount(opened, toppedUp(20_000), charged(breakfast))
      .when(order([]))
      .then([reversed(breakfast)]);
    givenAccount(opened, toppedUp(20_000), charged(breakfast), reversed(breakfast))
      .when(order([breakfast]))
      .then([charged(breakfast, 2)]);
  });

  it('adjusts a meal whose day price changed: the old charge reversed, the new one charged', () => {
    const dearer = { ...lunch, costs: { rb: 0, mb: 0, rp: 6500 } };
    givenAccount(opened, toppedUp(20_000), charged(lunch))
      .when(order([dearer]))
      .then([reversed(lunch, 1, 6000), charged(dearer, 2)]);
  });

  it('refuses a pupil of another class', () => {
    givenAccount(opened, toppedUp(20_000))
      .when(order([breakfast], { className: '04А' }))
      .thenRefused('pupil_not_in_class');
  });

  it('allows going negative down to the limit in roubles, and no further', () => {
    const limit100: MealBalanceAllowance = { kind: 'limit', limit: 10_000 };
    givenAccount(opened)
      .when(order([breakfast], { allowance: { kind: 'limit', limit: 0 } }))
      .thenRefused('meal_order_balance');
    givenAccount(opened)
      .when(order([breakfast], { allowance: limit100 }))
      .then([charged(breakfast)]);
    givenAccount(opened, charged(breakfast, 1, '2024-01-17'))
      .when(order([breakfast], { allowance: limit100 }))
      .then([charged(breakfast)]);
    givenAccount(opened, charged(breakfast, 1, '2024-01-16'), charged(breakfast, 1, '2024-01-17'))
      .when(order([breakfast], { allowance: limit100 }))
      .thenRefused('meal_order_balance');
  });

  it('allows N days on credit counted from the first negative day, never for dynamic types', () => {
    const credit3: MealBalanceAllowance = { kind: 'credit_days', days: 3 };
    const day = (date: string) => order([breakfast], { date, allowance: credit3 });
    const history = [opened, charged(breakfast, 1, '2024-01-16')];
    givenAccount(...history)
      .when(day('2024-01-17'))
      .then([charged(breakfast, 1, '2024-01-17')]);
    givenAccount(...history)
      .when(day('2024-01-18'))
      .then([charged(breakfast, 1, '2024-01-18')]);
    givenAccount(...history)
      .when(day('2024-01-19'))
      .thenRefused('meal_order_balance');
    givenAccount(opened)
      .when(order([lunch], { allowance: credit3 }))
      .thenRefused('meal_order_balance');
  });

  it('lets exempt schools order whatever the balance', () => {
    const allowance = balanceAllowance(settings({ exemptSchoolIds: ['24'] }), '24');
    givenAccount(opened)
      .when(order([breakfast, lunch], { allowance }))
      .then([charged(breakfast), charged(lunch)]);
  });

  it('never lets an order take an account below what the settings allow (property)', () => {
    const meals = [breakfast, lunch, { ...lunch, mealTypeId: 'mt-snack', costs: { rb: 0, mb: 0, rp: 1500 } }];
    const allowanceArb = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map((r): MealBalanceAllowance => ({ kind: 'limit', limit: r * 100 })),
      fc.integer({ min: 1, max: 5 }).map((days): MealBalanceAllowance => ({ kind: 'credit_days', days })),
    );
    const stepArb = fc.oneof(
      fc.record({
        kind: fc.constant('order' as const),
        day: fc.integer({ min: 1, max: 20 }),
        picks: fc.subarray([0, 1, 2]),
      }),
      fc.record({ kind: fc.constant('topUp' as const), amount: fc.integer({ min: 1, max: 20_000 }) }),
    );
    fc.assert(
      fc.property(allowanceArb, fc.array(stepArb, { maxLength: 40 }), (allowance, steps) => {
        let state = accountDecider.fold([opened], accountDecider.initialState);
        let seq = 0;
        for (const step of steps) {
          const before = state.balance;
          let events: AccountEvent[];
          try {
            events =
              step.kind === 'topUp'
                ? [toppedUp(step.amount, `p-${++seq}`)]
                : accountDecider.decide(
                    order(
                      step.picks.map((i) => meals[i]!),
                      {
                        date: `2024-01-${String(step.day).padStart(2, '0')}`,
                        allowance,
                      },
                    ),
                    state,
                  );
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            continue;
          }
          state = events.reduce(accountDecider.evolve, state);
          if (step.kind === 'order' && state.balance < before && state.balance < 0) {
            if (allowance.kind === 'limit') expect(state.balance).toBeGreaterThanOrEqual(-allowance.limit);
            else expect(events.some((e) => e.type === 'account.meal-charged.v1' && e.data.dynamicCost)).toBe(false);
          }
        }
      }),
    );
  });
});
