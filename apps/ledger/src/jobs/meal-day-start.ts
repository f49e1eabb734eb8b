/**
 * What the day-start job asks of meal management (implemented by the meals slice over its
 * aggregates and read models, bound to MEAL_DAY_START; tests use a fake). Meal-type
 * statuses are dated in the meal-type streams (a change "from a date" is in force from that
 * date on its own), so the job has nothing to rewrite for them: it opens the price sheets.
 */
import type { CommandContext } from '@meals/command-runner';

export interface UnconfirmedPriceSheet {
  schoolId: string;
  /** the school's dynamic meal types whose price for the day is not confirmed */
  mealTypeIds: string[];
}

export interface MealDayStart {
  /**
   * For every school with dynamic meal types and no prices for `date` yet: records the latest
   * earlier prices for `date`, unconfirmed. Returns the schools whose sheet it opened; a
   * second call for the same day opens none.
   */
  openPriceSheets(date: string, context: CommandContext): Promise<string[]>;
  /** The department's schools whose dynamic prices for `date` are not confirmed. */
  unconfirmedPriceSheets(departmentId: string, date: string): Promise<UnconfirmedPriceSheet[]>;
}

export const MEAL_DAY_START = Symbol('MealDayStart');
