/** Who may pay and look at payments: staff of the account's scope, and the parent of that one account. */
import { READER_ROLES, STAFF_ROLES, type ScopeResolver } from '../auth/access.js';
import type { Role } from '../identity/principal.js';

export const PAYING_ROLES: readonly Role[] = [...STAFF_ROLES, 'parent'];
export const PAYMENT_READER_ROLES: readonly Role[] = [...READER_ROLES, 'parent'];

/** The account a new order tops up: named in the body. */
export const accountInBody: ScopeResolver = (request) => {
  const body = request.body as { accountNumber?: unknown } | null | undefined;
  const accountNumber = body && typeof body === 'object' ? body.accountNumber : undefined;
  return typeof accountNumber === 'string' && accountNumber.length > 0 ? [{ kind: 'account', accountNumber }] : [];
};
