import type { AccountEvent, AccountMealCharged, AccountMealChargeReversed } from '../events.js';
import { daysBetween, requireCalendarDate } from '../meals/meal-dates.js';
import { mealOrderBalance, pupilNotInClass } from '../meals/meal-errors.js';
import type { MealBalanceAllowance, PricedMeal } from '../meals/order-rules.js';
import { requireSchoolId } from '../validation.js';
import type { OrderPupilMeals } from './account-commands.js';
import { requireExistingAccount, requireOpenAccount } from './account-rules.js';
import { mealChargeKey, mealDayKey, type AccountState } from './account-state.js';

const sameCosts = (a: PricedMeal['costs'], b: PricedMeal['costs']): boolean =>
  a.rb === b.rb && a.mb === b.mb && a.rp === b.rp;

/**
 * The pupil's meals of the day as a set: reverses the charges of meals no longer wanted
 * (or whose price changed), charges the new ones, never edits an entry. Refused when the
 * pupil is not in the class, or when the new charges would take the balance below what the
 * settings allow (checked here, on the account's own state: atomic with its stream).
 */
export function decideOrderPupilMeals(command: OrderPupilMeals, state: AccountState): AccountEvent[] {
  const schoolId = requireSchoolId(command.schoolId);
  const date = requireCalendarDate(command.date, 'date');
  requireExistingAccount(state, command.accountNumber);
  if (state.schoolId !== schoolId || state.className !== command.className) {
    throw pupilNotInClass(state.accountNumber, command.className);
  }
  const wanted = new Map(command.meals.map((meal) => [meal.mealTypeId, meal]));
  const current = state.mealDays.get(mealDayKey(schoolId, date)) ?? [];

  const reversals: AccountMealChargeReversed[] = [];
  for (const mealTypeId of current) {
    const record = state.mealCharges.get(mealChargeKey(schoolId, date, mealTypeId))!;
    const meal = wanted.get(mealTypeId);
    if (meal && sameCosts(meal.costs, record.costs)) continue;
    reversals.push({
      type: 'account.meal-charge-reversed.v1',
      data: {
        accountNumber: state.accountNumber,
        chargeId: record.chargeId,
        schoolId,
        date,
        mealTypeId,
        mealTypeName: record.mealTypeName,
        amount: record.amount,
      },
    });
  }
  const reversed = new Set(reversals.map((event) => event.data.mealTypeId));
  const charges: AccountMealCharged[] = [];
  for (const meal of wanted.values()) {
    if (current.includes(meal.mealTypeId) && !reversed.has(meal.mealTypeId)) continue;
    const count = state.mealCharges.get(mealChargeKey(schoolId, date, meal.mealTypeId))?.count ?? 0;
    charges.push({
      type: 'account.meal-charged.v1',
      data: {
        accountNumber: state.accountNumber,
        chargeId: `${schoolId}:${date}:${state.accountNumber}:${meal.mealTypeId}:${count + 1}`,
        schoolId,
        className: command.className,
        fullName: state.fullName,
        date,
        mealTypeId: meal.mealTypeId,
        mealTypeName: meal.mealTypeName,
        serviceType: meal.serviceType,
        dynamicCost: meal.dynamicCost,
        costs: meal.costs,
        amount: meal.costs.rp,
      },
    });
  }
  if (charges.length > 0) {
    requireOpenAccount(state);
    const credited = reversals.reduce((sum, event) => sum + event.data.amount, 0);
    const debited = charges.reduce((sum, event) => sum + event.data.amount, 0);
    requireAllowedBalance(state, state.balance + credited - debited, date, charges, command.allowance);
  }
  return [...reversals, ...charges];
}

/** No order takes the balance below what the order settings allow. */
function requireAllowedBalance(
  state: AccountState,
  after: number,
  date: string,
  charges: AccountMealCharged[],
  allowance: MealBalanceAllowance,
): void {
  if (after >= 0 || after >= state.balance || allowance.kind === 'unlimited') return;
  const debit = state.balance - after;
  if (allowance.kind === 'limit') {
    if (after < -allowance.limit) {
      throw mealOrderBalance(
        state.balance,
        debit,
        allowance.limit === 0
          ? 'заказ в минус не разрешён'
          : `разрешён отрицательный баланс не более ${allowance.limit / 100} руб.`,
      );
    }
    return;
  }
  if (charges.some((charge) => charge.data.dynamicCost)) {
    throw mealOrderBalance(state.balance, debit, 'питание в долг не действует для типов с динамической стоимостью');
  }
  const since = state.negativeSince !== null && state.negativeSince < date ? state.negativeSince : date;
  if (daysBetween(since, date) + 1 > allowance.days) {
    throw mealOrderBalance(state.balance, debit, `дни питания в долг (${allowance.days}) исчерпаны`);
  }
}
