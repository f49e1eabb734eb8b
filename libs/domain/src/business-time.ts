import type { LedgerEvent } from './events.js';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/**
 * The ISO instant a statement entry belongs to: when the parent paid (top-up), the pupil
 * bought (sale) or ate (a meal charge), which may differ from when the ledger recorded it.
 */
export function businessTime(event: LedgerEvent, occurredAt: string): string {
  switch (event.type) {
    case 'account.topped-up.v1':
      return event.data.paidAt;
    case 'account.sale-debited.v1':
      return event.data.soldAt;
    // a meal belongs to its day (noon in Moscow), whenever it was ordered; a reversal to when it was made
    case 'account.meal-charged.v1':
      return `${event.data.date}T09:00:00Z`;
    default:
      return occurredAt;
  }
}

// Building a DateTimeFormat is far costlier than using one; projections call this per event.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormatFor(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // 'en-CA' formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** `YYYY-MM-DD` of an ISO instant in the given (municipality's) time zone. */
export function businessDate(isoInstant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const epochMs = Date.parse(isoInstant);
  if (Number.isNaN(epochMs)) throw new RangeError(`not an ISO instant: ${isoInstant}`);
  return dateFormatFor(timeZone).format(epochMs);
}
