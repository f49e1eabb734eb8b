/**
 * Is a ledger error a refusal (the ledger looked at the request and said no: retrying will
 * not change it) or a failure to reach it (retry later)? Answers about the till itself (its
 * key refused, rate limited) are not a refusal of the sale: the check stays queued.
 */
import { LedgerApiError } from '@meals/ledger-client';

const NOT_ABOUT_THE_SALE_STATUS = new Set([401, 408, 425, 429]);
/** the ledger's generic codes (its access checks, an unknown route), as opposed to a decision's codes */
const NOT_ABOUT_THE_SALE_CODE = new Set([
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'too_many_requests',
]);

export function isRefusal(error: unknown): error is LedgerApiError {
  return (
    error instanceof LedgerApiError &&
    error.statusCode >= 400 &&
    error.statusCode < 500 &&
    !NOT_ABOUT_THE_SALE_STATUS.has(error.statusCode) &&
    !NOT_ABOUT_THE_SALE_CODE.has(error.code) &&
    !error.code.startsWith('http_')
  );
}

/** A message for the cashier (Russian), never with secrets: the ledger's Russian text or a plain description. */
export function cashierMessage(error: unknown): string {
  if (error instanceof LedgerApiError) {
    if (error.statusCode === 401 || error.code === 'forbidden')
      return 'Ключ кассы не принят сервером (обратитесь к администратору)';
    return error.messageRu;
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'Сервер не ответил вовремя';
  return 'Нет связи с сервером';
}
