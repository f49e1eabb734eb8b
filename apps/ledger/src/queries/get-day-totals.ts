/** A school's sales and top-ups per business day, from the `school_day_totals` read model. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SchoolDayTotals } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { schoolDayTotals as readSchoolDayTotals, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';

export class GetDayTotalsQuery extends Query<SchoolDayTotals> {
  constructor(
    readonly schoolId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

@QueryHandler(GetDayTotalsQuery)
export class GetDayTotalsHandler implements IQueryHandler<GetDayTotalsQuery> {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly schools: SchoolDirectory,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ schoolId, from, to }: GetDayTotalsQuery): Promise<SchoolDayTotals> {
    await this.schools.assertRegistered(schoolId);
    return readSchoolDayTotals(this.readModels, { schoolId, from, to });
  }
}
