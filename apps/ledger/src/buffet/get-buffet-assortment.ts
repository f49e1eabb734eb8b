/** A school's buffet items, from the `buffet` read model. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BuffetAssortment } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { buffetAssortment, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';

export class GetBuffetAssortmentQuery extends Query<BuffetAssortment> {
  constructor(readonly schoolId: string) {
    super();
  }
}

@QueryHandler(GetBuffetAssortmentQuery)
export class GetBuffetAssortmentHandler implements IQueryHandler<GetBuffetAssortmentQuery> {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly schools: SchoolDirectory,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ schoolId }: GetBuffetAssortmentQuery): Promise<BuffetAssortment> {
    await this.schools.assertRegistered(schoolId);
    return { schoolId, items: await buffetAssortment(this.readModels, schoolId) };
  }
}
