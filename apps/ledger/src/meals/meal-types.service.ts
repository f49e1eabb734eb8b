/** Meal types and order settings of a department (seed 004): the commands and what they answer. */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@meals/command-runner';
import type {
  ChangeMealTypeStatusRequest,
  CreateMealTypeRequest,
  MealTypeListQuery,
  OrderSettingsBody,
  UpdateMealTypeRequest,
} from '@meals/contracts';
import type { MealTypeState } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { departmentMealTypes, getOrderSettings, mealTypeView } from '@meals/read-models';
import { commandResultOf } from '../http/command-result.js';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { MealTypeAggregates, OrderSettingsAggregates } from './meal-aggregates.js';
import { MealAccess } from './meal-access.js';

@Injectable()
export class MealTypesService {
  constructor(
    private readonly mealTypes: MealTypeAggregates,
    private readonly settings: OrderSettingsAggregates,
    private readonly access: MealAccess,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
  ) {}

  view(state: MealTypeState) {
    return mealTypeView(
      { _id: state.mealTypeId, ...state, statusChanges: [...state.statusChanges] },
      this.access.today(),
    );
  }

  list(departmentId: string, query: MealTypeListQuery) {
    return departmentMealTypes(this.readModels, departmentId, this.access.today(), query.status).then((mealTypes) => ({
      departmentId,
      mealTypes,
    }));
  }

  async create(departmentId: string, body: CreateMealTypeRequest, context: CommandContext) {
    const mealTypeId = `mt-${randomUUID().slice(0, 8)}`;
    const outcome = await this.mealTypes.run(
      mealTypeId,
      { type: 'CreateMealType', mealTypeId, departmentId, ...body, today: this.access.today() },
      context,
    );
    return { ...commandResultOf(outcome.position), mealType: this.view(outcome.state) };
  }

  async update(mealTypeId: string, body: UpdateMealTypeRequest, context: CommandContext) {
    const outcome = await this.mealTypes.run(mealTypeId, { type: 'UpdateMealType', mealTypeId, ...body }, context);
    return { ...commandResultOf(outcome.position), mealType: this.view(outcome.state) };
  }

  async changeStatus(mealTypeId: string, body: ChangeMealTypeStatusRequest, context: CommandContext) {
    const outcome = await this.mealTypes.run(
      mealTypeId,
      { type: 'ChangeMealTypeStatus', mealTypeId, ...body, today: this.access.today() },
      context,
    );
    return { ...commandResultOf(outcome.position), mealType: this.view(outcome.state) };
  }

  async delete(mealTypeId: string, context: CommandContext) {
    const outcome = await this.mealTypes.run(mealTypeId, { type: 'DeleteMealType', mealTypeId }, context);
    return commandResultOf(outcome.position);
  }

  async orderSettings(departmentId: string) {
    return { departmentId, ...(await getOrderSettings(this.readModels, departmentId)) };
  }

  async saveOrderSettings(departmentId: string, settings: OrderSettingsBody, context: CommandContext) {
    const outcome = await this.settings.run(
      departmentId,
      { type: 'SaveOrderSettings', departmentId, settings },
      context,
    );
    return commandResultOf(outcome.position);
  }
}
