/** A period of business dates in a query string: `from` ≤ `to`, at most MAX_PERIOD_DAYS long. */
import { z } from 'zod';

export const MAX_PERIOD_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;

export function withValidPeriod<T extends z.ZodType<{ from: string; to: string }>>(schema: T): T {
  return schema
    .refine(({ from, to }) => from <= to, { message: 'from must not be after to', path: ['from'] })
    .refine(({ from, to }) => (Date.parse(to) - Date.parse(from)) / DAY_MS < MAX_PERIOD_DAYS, {
      message: `the period may span at most ${MAX_PERIOD_DAYS} days`,
      path: ['to'],
    });
}
