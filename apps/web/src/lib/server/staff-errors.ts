/**
 * A ledger refusal on the staff side: a form failure with the ledger's Russian message (403 for
 * another scope, 409 for a rule of the seed, …); a lost token signs the user out.
 */
import { LedgerApiError } from '@meals/ledger-client';
import { error as httpError, fail, redirect } from '@sveltejs/kit';

const FALLBACK_RU: Record<number, string> = {
  403: 'Недостаточно прав для этого действия.',
  404: 'Не найдено.',
};

function messageOf(error: LedgerApiError): string {
  if (error.statusCode === 404 && error.code === 'not_found' && !/[А-Яа-я]/.test(error.messageRu))
    return FALLBACK_RU[404]!;
  return error.messageRu || FALLBACK_RU[error.statusCode] || 'Сервер отказал в действии.';
}

/** For actions: `return staffRefusal(error, values)`. */
export function staffRefusal<Values extends object = Record<never, never>>(error: unknown, values = {} as Values) {
  if (!(error instanceof LedgerApiError)) throw error;
  // 401 for a wrong password is an answer to show; any other 401 means the ledger token is gone
  if (error.statusCode === 401 && error.code !== 'invalid_credentials') redirect(303, '/staff/login');
  return fail(error.statusCode >= 500 ? 502 : error.statusCode, { ...values, message: messageOf(error) });
}

/** For loads: a refusal becomes the page's problem text instead of data. */
export function loadRefusal(error: unknown): string {
  if (!(error instanceof LedgerApiError)) throw error;
  if (error.statusCode === 401) redirect(303, '/staff/login');
  if (error.statusCode >= 500) httpError(502, 'Сервер учёта недоступен. Повторите позже.');
  return messageOf(error);
}

/**
 * The department a page works in. Loads pass the layout's checks first; form actions do not, so
 * a post from a user without a workspace (a class teacher, a ministry user who has not chosen) is
 * refused here rather than failing further on (the ledger checks role and scope again).
 */
export function workspaceOf(locals: App.Locals): string {
  const departmentId = locals.staff?.workspace?.departmentId;
  if (!departmentId) httpError(403, 'Выберите рабочую область: управление образования.');
  return departmentId;
}
