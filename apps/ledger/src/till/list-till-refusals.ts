/** A school's refused offline checks, newest report first (the `till-refusals` read model). */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TillRefusals } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { schoolTillRefusals, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';

export class ListTillRefusalsQuery extends Query<TillRefusals> {
  constructor(
    readonly schoolId: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(ListTillRefusalsQuery)
export class ListTillRefusalsHandler implements IQueryHandler<ListTillRefusalsQuery> {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly schools: SchoolDirectory,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ schoolId, limit }: ListTillRefusalsQuery): Promise<TillRefusals> {
    await this.schools.assertRegistered(schoolId);
    return { schoolId, refusals: await schoolTillRefusals(this.readModels, schoolId, limit) };
  }
}
