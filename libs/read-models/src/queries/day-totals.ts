import { collections } from '../collections.js';
import type { TypedReadModels } from '../typed-read-models.js';

export interface DayTotalsView {
  date: string;
  salesCount: number;
  salesTotal: number;
  topUpsCount: number;
  topUpsTotal: number;
}

export interface SchoolDayTotalsView {
  schoolId: string;
  from: string;
  to: string;
  days: DayTotalsView[];
  total: Omit<DayTotalsView, 'date'>;
}

/** A school's sales and top-ups per business day from `from` to `to` (inclusive), and their sum. */
export async function schoolDayTotals(
  readModels: TypedReadModels,
  { schoolId, from, to }: { schoolId: string; from: string; to: string },
): Promise<SchoolDayTotalsView> {
  const docs = await readModels.find(collections.schoolDayTotals, {
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
