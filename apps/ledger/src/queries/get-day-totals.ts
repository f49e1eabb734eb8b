/** A school's sales and top-ups per business day, from the `school_day_totals` read model. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SchoolDayTotals } from '@meals/contracts';
import type { SchoolDayTotalsDoc } from '@meals/projections';
import type { ReadModelStore } from '@meals/read-model-store';
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
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    private readonly schools: SchoolDirectory,
  ) {}

  async execute({ schoolId, from, to }: GetDayTotalsQuery): Promise<SchoolDayTotals> {
    await this.schools.assertRegistered(schoolId);
    const docs = await this.readModels.find<SchoolDayTotalsDoc>('school_day_totals', {
      where: { schoolId },
      range: { field: 'date', gte: from, lte: to },
      orderBy: [{ field: 'date', direction: 'asc' }],
    });
    const days = docs.map(({ date, salesCount, salesTotal, topUpsCount, topUpsTotal }) => ({
      date,
      salesCount,
      salesTotal,
      topUpsCount,
      topUpsTotal,
    }));
    const total = days.reduce(
      (sum, day) => ({
        salesCount: sum.salesCount + day.salesCount,
        salesTotal: sum.salesTotal + day.salesTotal,
        topUpsCount: sum.topUpsCount + day.topUpsCount,
        topUpsTotal: sum.topUpsTotal + day.topUpsTotal,
      }),
      { salesCount: 0, salesTotal: 0, topUpsCount: 0, topUpsTotal: 0 },
    );
    return { schoolId, from, to, days, total };
  }
}
