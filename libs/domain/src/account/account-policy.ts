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
  /**
   * how far below zero a till's offline check may take the balance (>= 0; DEFAULT_OFFLINE_LIMIT when left
   * out): the food was handed over while the ledger was unreachable, so refusing it later loses nothing but
   * the record; the pupil's next top-up covers it
   */
  offlineLimit?: Kopecks;
  /** how far sale and payment dates may lie from the receive time (DEFAULT_BUSINESS_TIME_LIMITS when left out) */
  businessTimeLimits?: BusinessTimeLimits;
}

/** 300 roubles: a few days of buffet purchases. */
export const DEFAULT_OFFLINE_LIMIT: Kopecks = 30_000;

export const DEFAULT_ACCOUNT_POLICY: AccountPolicy = Object.freeze({
  overdraftLimit: 0,
  offlineLimit: DEFAULT_OFFLINE_LIMIT,
  businessTimeLimits: DEFAULT_BUSINESS_TIME_LIMITS,
});

export const businessTimeLimitsOf = (policy: AccountPolicy): BusinessTimeLimits =>
  policy.businessTimeLimits ?? DEFAULT_BUSINESS_TIME_LIMITS;

export const offlineLimitOf = (policy: AccountPolicy): Kopecks => policy.offlineLimit ?? DEFAULT_OFFLINE_LIMIT;

export function assertValidPolicy(policy: AccountPolicy): void {
  if (!Number.isSafeInteger(policy.overdraftLimit) || policy.overdraftLimit < 0) {
    throw new RangeError(`overdraftLimit must be a non-negative integer of kopecks: ${String(policy.overdraftLimit)}`);
  }
  const offlineLimit = offlineLimitOf(policy);
  if (!Number.isSafeInteger(offlineLimit) || offlineLimit < 0) {
    throw new RangeError(`offlineLimit must be a non-negative integer of kopecks: ${String(offlineLimit)}`);
  }
  if (policy.businessTimeLimits) assertValidBusinessTimeLimits(policy.businessTimeLimits);
}
