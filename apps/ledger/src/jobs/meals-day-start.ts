/**
 * The day-start job's side of meal management, over the meals slice's own service (the
 * same rules as a coordinator's «Цены дня»): for each school whose dynamic types have no
 * price set for the day, yesterday's (the latest earlier) prices are recorded for the day,
 * unconfirmed. A day already set, or confirmed, is left alone; a school whose prices are
 * refused is logged and skipped, the others still open.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@meals/command-runner';
import type { ReadModelStore } from '@meals/read-model-store';
import { collections, TypedReadModels } from '@meals/read-models';
import type { Logger } from 'pino';
import { LOGGER, READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolMealsService } from '../meals/school-meals.service.js';
import type { MealDayStart, UnconfirmedPriceSheet } from './meal-day-start.js';

@Injectable()
export class MealsDayStart implements MealDayStart {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly schoolMeals: SchoolMealsService,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async openPriceSheets(date: string, context: CommandContext): Promise<string[]> {
    const opened: string[] = [];
    for (const { schoolId } of await this.readModels.find(collections.schools)) {
      try {
        if (await this.openSheet(schoolId, date, context)) opened.push(schoolId);
      } catch (error) {
        this.logger.warn({ err: error, schoolId, date }, 'could not open the day price sheet');
      }
    }
    return opened;
  }

  async unconfirmedPriceSheets(departmentId: string, date: string): Promise<UnconfirmedPriceSheet[]> {
    const schools = await this.readModels.find(collections.schools, { where: { departmentId } });
    const sheets: UnconfirmedPriceSheet[] = [];
    for (const { schoolId } of schools) {
      const sheet = await this.schoolMeals.dayPrices(schoolId, date);
      if (sheet.prices.length > 0 && !sheet.confirmed)
        sheets.push({ schoolId, mealTypeIds: sheet.prices.map((price) => price.mealTypeId) });
    }
    return sheets.sort((a, b) => Number(a.schoolId) - Number(b.schoolId));
  }

  private async openSheet(schoolId: string, date: string, context: CommandContext): Promise<boolean> {
    const sheet = await this.schoolMeals.dayPrices(schoolId, date);
    if (sheet.confirmed) return false;
    const carried = sheet.prices.filter((price) => price.carriedFrom !== null && price.costs !== null);
    if (carried.length === 0) return false;
    await this.schoolMeals.setDayPrices(
      schoolId,
      date,
      { prices: carried.map(({ mealTypeId, costs }) => ({ mealTypeId, costs: costs! })), confirmed: false },
      context,
    );
    return true;
  }
}
