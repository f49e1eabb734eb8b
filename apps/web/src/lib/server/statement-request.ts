/** The statement period a report URL asks for (`?from=&to=&details=`), defaulting to the last 30 days. */
import { lastDays, todayInMoscow } from '#lib/dates.ts';
import { firstMessage, periodQuery } from '#lib/forms.ts';

export interface StatementRequest {
  from: string;
  to: string;
  details: boolean;
  problem: string | null;
}

export function statementRequest(url: URL, now = new Date()): StatementRequest {
  const details = url.searchParams.get('details') === 'on';
  if (!url.searchParams.has('from') && !url.searchParams.has('to'))
    return { ...lastDays(todayInMoscow(now), 30), details, problem: null };
  const parsed = periodQuery.safeParse({
    from: url.searchParams.get('from') ?? '',
    to: url.searchParams.get('to') ?? '',
  });
  if (!parsed.success) return { ...lastDays(todayInMoscow(now), 30), details, problem: firstMessage(parsed.error) };
  return { ...parsed.data, details, problem: null };
}
