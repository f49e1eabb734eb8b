/**
 * A school's meals (seed 004): the types the coordinator assigns to the school, those the
 * class teacher assigns to the class and its pupils, and the dynamic types' day prices.
 * Read from the school's own stream (cached): what the next order will be decided on.
 */
import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@meals/command-runner';
import type { DayPricesRequest } from '@meals/contracts';
import { dayPriceOf, mealTypeNotFound, requireAccountNumber, schoolNotFound, type MealTypeState } from '@meals/domain';
import { AccountAggregates } from '../accounts/account-aggregates.js';
import { commandResultOf } from '../http/command-result.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import { MealTypeAggregates, SchoolMealsAggregates } from './meal-aggregates.js';
import { MealAccess } from './meal-access.js';
import { MealTypesService } from './meal-types.service.js';

@Injectable()
export class SchoolMealsService {
  constructor(
    private readonly schoolMeals: SchoolMealsAggregates,
    private readonly mealTypes: MealTypeAggregates,
    private readonly accounts: AccountAggregates,
    private readonly schools: SchoolDirectory,
    private readonly types: MealTypesService,
    private readonly access: MealAccess,
  ) {}

  /** The meal types named, each existing (404 naming the first unknown). */
  async mealTypeStates(mealTypeIds: readonly string[]): Promise<MealTypeState[]> {
    const ids = [...new Set(mealTypeIds)];
    const states = await Promise.all(ids.map(async (id) => (await this.mealTypes.load(id)).state));
    states.forEach((state, i) => {
      if (!state.exists || state.deleted) throw mealTypeNotFound(ids[i]!);
    });
    return states;
  }

  private async views(mealTypeIds: readonly string[]) {
    const states = await Promise.all(mealTypeIds.map(async (id) => (await this.mealTypes.load(id)).state));
    return states.filter((state) => state.exists && !state.deleted).map((state) => this.types.view(state));
  }

  async departmentOf(schoolId: string): Promise<string> {
    const departmentId = await this.schools.departmentOf(schoolId);
    if (departmentId === null) throw schoolNotFound(schoolId);
    return departmentId;
  }

  async schoolTypes(schoolId: string) {
    await this.departmentOf(schoolId);
    const { state } = await this.schoolMeals.load(schoolId);
    return { schoolId, mealTypeIds: [...state.schoolTypes], mealTypes: await this.views(state.schoolTypes) };
  }

  async assignSchoolTypes(schoolId: string, mealTypeIds: string[], context: CommandContext) {
    const departmentId = await this.departmentOf(schoolId);
    const mealTypes = await this.mealTypeStates(mealTypeIds);
    const outcome = await this.schoolMeals.run(
      schoolId,
      { type: 'AssignSchoolMealTypes', schoolId, departmentId, mealTypes, today: this.access.today() },
      context,
    );
    return commandResultOf(outcome.position);
  }

  async classTypes(schoolId: string, className: string) {
    await this.departmentOf(schoolId);
    const { state } = await this.schoolMeals.load(schoolId);
    const mealTypeIds = [...(state.classTypes.get(className) ?? [])];
    const pupils: { accountNumber: string; mealTypeIds: string[] }[] = [];
    for (const [accountNumber, ids] of state.pupilTypes) {
      const { state: account } = await this.accounts.load(accountNumber);
      if (account.schoolId === schoolId && account.className === className)
        pupils.push({ accountNumber, mealTypeIds: [...ids] });
    }
    return { schoolId, className, mealTypeIds, mealTypes: await this.views(mealTypeIds), pupils };
  }

  async assignClassTypes(schoolId: string, className: string, mealTypeIds: string[], context: CommandContext) {
    await this.departmentOf(schoolId);
    const mealTypes = await this.mealTypeStates(mealTypeIds);
    const outcome = await this.schoolMeals.run(
      schoolId,
      { type: 'AssignClassMealTypes', schoolId, className, mealTypes, today: this.access.today() },
      context,
    );
    return commandResultOf(outcome.position);
  }

  async assignPupilTypes(
    schoolId: string,
    className: string,
    accountNumber: string,
    mealTypeIds: string[],
    context: CommandContext,
  ) {
    await this.departmentOf(schoolId);
    const { state: account } = await this.accounts.load(requireAccountNumber(accountNumber));
    // an empty list gives the pupil the class's list again
    const mealTypes = mealTypeIds.length === 0 ? null : await this.mealTypeStates(mealTypeIds);
    const outcome = await this.schoolMeals.run(
      schoolId,
      {
        type: 'AssignPupilMealTypes',
        schoolId,
        className,
        accountNumber,
        pupil: { schoolId: account.exists ? account.schoolId : '', className: account.className },
        mealTypes,
        today: this.access.today(),
      },
      context,
    );
    return commandResultOf(outcome.position);
  }

  async dayPrices(schoolId: string, date: string) {
    await this.departmentOf(schoolId);
    const { state } = await this.schoolMeals.load(schoolId);
    const dynamic = (
      await Promise.all(state.schoolTypes.map(async (id) => (await this.mealTypes.load(id)).state))
    ).filter((type) => type.exists && !type.deleted && type.dynamicCost);
    return {
      schoolId,
      date,
      confirmed: state.confirmedDates.has(date),
      prices: dynamic.map((type) => {
        const price = dayPriceOf(state, type.mealTypeId, date);
        return {
          mealTypeId: type.mealTypeId,
          name: type.name,
          costs: price?.costs ?? null,
          carriedFrom: price && price.date !== date ? price.date : null,
        };
      }),
    };
  }

  async setDayPrices(schoolId: string, date: string, body: DayPricesRequest, context: CommandContext) {
    await this.departmentOf(schoolId);
    const types = await this.mealTypeStates(body.prices.map((price) => price.mealTypeId));
    const byId = new Map(types.map((type) => [type.mealTypeId, type]));
    const outcome = await this.schoolMeals.run(
      schoolId,
      {
        type: 'SetDayPrices',
        schoolId,
        date,
        prices: body.prices.map(({ mealTypeId, costs }) => ({ mealType: byId.get(mealTypeId)!, costs })),
        confirmed: body.confirmed,
      },
      context,
    );
    return commandResultOf(outcome.position);
  }
}
