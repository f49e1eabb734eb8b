import type { Kopecks } from '../money.js';

/** Municipal settings the account rules depend on (fed by meal-management order settings). */
export interface AccountPolicy {
  /** how far below zero a sale or a debit correction may take the balance (>= 0) */
  overdraftLimit: Kopecks;
}

export const DEFAULT_ACCOUNT_POLICY: AccountPolicy = Object.freeze({ overdraftLimit: 0 });

export function assertValidPolicy(policy: AccountPolicy): void {
  if (!Number.isSafeInteger(policy.overdraftLimit) || policy.overdraftLimit < 0) {
    throw new RangeError(`overdraftLimit must be a non-negative integer of kopecks: ${String(policy.overdraftLimit)}`);
  }
}
