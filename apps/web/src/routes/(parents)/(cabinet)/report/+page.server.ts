import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { statementRequest } from '#lib/server/statement-request.ts';
import { QUICK_RANGES, lastDays, todayInMoscow } from '#lib/dates.ts';
import { dailySpending, reportLines } from '#lib/statement-view.ts';
import { formatKopecks } from '#lib/money.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, parent }) => {
  const { me } = await parent();
  const period = statementRequest(url);
  const today = todayInMoscow(new Date());
  const quickRanges = QUICK_RANGES.map((range) => ({ ...range, ...lastDays(today, range.days) }));
  const base = { period, quickRanges };
  if (period.problem || !url.searchParams.has('from')) return { ...base, report: null };
  try {
    const statement = await parentLedger(locals.session!.token).statement(me.accountNumber, period);
    return {
      ...base,
      report: {
        opening: formatKopecks(statement.openingBalance),
        closing: formatKopecks(statement.closingBalance),
        totalDebit: formatKopecks(statement.totalDebit),
        totalCredit: formatKopecks(statement.totalCredit),
        lines: reportLines(statement),
        daily: dailySpending(statement),
      },
    };
  } catch (error) {
    const refusal = ledgerRefusal(error);
    return { ...base, period: { ...period, problem: refusal.data.message }, report: null };
  }
};
