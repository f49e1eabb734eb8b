/** A ledger refusal as a form failure with the ledger's Russian message; a lost session signs out. */
import { LedgerApiError } from '@meals/ledger-client';
import { fail, redirect } from '@sveltejs/kit';

export function ledgerRefusal<Values extends Record<string, unknown>>(error: unknown, values = {} as Values) {
  if (!(error instanceof LedgerApiError)) throw error;
  // 401 for a wrong password is an answer to show; any other 401 means the ledger token is gone
  if (error.statusCode === 401 && error.code !== 'invalid_credentials') redirect(303, '/login');
  if (error.code === 'password_change_required') redirect(303, '/password/change');
  const retry = error.details['retryAfterSeconds'];
  const wait = typeof retry === 'number' ? ` Повторите через ${Math.ceil(retry / 60)} мин.` : '';
  return fail(error.statusCode >= 500 ? 502 : error.statusCode, {
    ...values,
    message: error.messageRu + wait,
  });
}
