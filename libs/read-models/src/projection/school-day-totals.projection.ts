import type { AccountEvent } from '@meals/domain';
import { dayTotalsId, type AccountDoc, type SchoolDayTotalsDoc } from '../documents.js';

/**
 * Which school's day an event counts in: a sale where it was sold, a top-up at the school
 * the account belongs to when the money arrives. Null for other events.
 */
export function dayTotalsSchoolId(event: AccountEvent, account: AccountDoc | null): string | null {
  switch (event.type) {
    case 'account.sale-debited.v1':
      return event.data.schoolId;
    case 'account.topped-up.v1':
      return account?.schoolId ?? null;
    default:
      return null;
  }
}

export function evolveDayTotals(
  doc: SchoolDayTotalsDoc | null,
  schoolId: string,
  date: string,
  event: AccountEvent,
): SchoolDayTotalsDoc {
  const totals = doc ?? {
    _id: dayTotalsId(schoolId, date),
    schoolId,
    date,
    salesCount: 0,
    salesTotal: 0,
    topUpsCount: 0,
    topUpsTotal: 0,
  };
  switch (event.type) {
    case 'account.sale-debited.v1':
      return { ...totals, salesCount: totals.salesCount + 1, salesTotal: totals.salesTotal + event.data.total };
    case 'account.topped-up.v1':
      return { ...totals, topUpsCount: totals.topUpsCount + 1, topUpsTotal: totals.topUpsTotal + event.data.amount };
    default:
      return totals;
  }
}
