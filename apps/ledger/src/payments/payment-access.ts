/**
 * Who may pay and look at payments. `parent` (a parent's token, scoped to one account)
 * comes with the parents' access; until then the guard simply meets no such principal.
 */
import { READER_ROLES, STAFF_ROLES, type ScopeResolver } from '../auth/access.js';
import type { Role } from '../identity/principal.js';

const PARENT = 'parent' as Role;

export const PAYING_ROLES: readonly Role[] = [...STAFF_ROLES, PARENT];
export const PAYMENT_READER_ROLES: readonly Role[] = [...READER_ROLES, PARENT];

/** The account a new order tops up: named in the body. */
export const accountInBody: ScopeResolver = (request) => {
  const body = request.body as { accountNumber?: unknown } | null | undefined;
  const accountNumber = body && typeof body === 'object' ? body.accountNumber : undefined;
  return typeof accountNumber === 'string' && accountNumber.length > 0 ? [{ kind: 'account', accountNumber }] : [];
};
