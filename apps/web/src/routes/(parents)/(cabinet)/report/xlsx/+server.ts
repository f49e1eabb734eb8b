import { error } from '@sveltejs/kit';
import { LedgerApiError } from '@meals/ledger-client';
import { parentLedger } from '#lib/server/ledger.ts';
import { statementRequest } from '#lib/server/statement-request.ts';
import { statementWorkbook } from '#lib/server/statement-xlsx.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const session = locals.session;
  if (!session) error(401, 'Войдите в личный кабинет.');
  const period = statementRequest(url);
  if (period.problem) error(400, period.problem);
  try {
    const ledger = parentLedger(session.token);
    const me = await ledger.me();
    const statement = await ledger.statement(me.accountNumber, period);
    const body = await statementWorkbook(statement, me.schoolName);
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="statement-${me.accountNumber}-${period.from}-${period.to}.xlsx"`,
      },
    });
  } catch (failure) {
    if (failure instanceof LedgerApiError && failure.statusCode < 500) error(failure.statusCode, failure.messageRu);
    throw failure;
  }
};
