import type { Kopecks } from '../money.js';
import {
  DEFAULT_BUSINESS_TIME_LIMITS,
  assertValidBusinessTimeLimits,
  type BusinessTimeLimits,
} from './business-time-limits.js';

/** Municipal settings the account rules depend on (fed by meal-management order settings). */
export interface AccountPolicy {
  /** how far below zero a sale or a debit correction may take the balance (>= 0) */
  overdraftLimit: Kopecks;
  /** how far sale and payment dates may lie from the receive time (DEFAULT_BUSINESS_TIME_LIMITS when left out) */
  businessTimeLimits?: BusinessTimeLimits;
}

export const DEFAULT_ACCOUNT_POLICY: AccountPolicy = Object.freeze({
  overdraftLimit: 0,
  businessTimeLimits: DEFAULT_BUSINESS_TIME_LIMITS,
});

export const businessTimeLimitsOf = (policy: AccountPolicy): BusinessTimeLimits =>
  policy.businessTimeLimits ?? DEFAULT_BUSINESS_TIME_LIMITS;

export function assertValidPolicy(policy: AccountPolicy): void {
  if (!Number.isSafeInteger(policy.overdraftLimit) || policy.overdraftLimit < 0) {
    throw new RangeError(`overdraftLimit must be a non-negative integer of kopecks: ${String(policy.overdraftLimit)}`);
  }
  if (policy.businessTimeLimits) assertValidBusinessTimeLimits(policy.businessTimeLimits);
}
