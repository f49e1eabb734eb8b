/** The account rules shared by several commands, each named after what it guarantees. */
import type { Kopecks } from '../money.js';
import {
  accountClosed,
  accountNotFound,
  cardBlocked,
  cardNotActive,
  insufficientFunds,
  unknownCard,
  wrongSchool,
} from './account-errors.js';
import { offlineLimitOf, type AccountPolicy } from './account-policy.js';
import type { AccountState } from './account-state.js';

export function requireExistingAccount(state: AccountState, accountNumber: string): void {
  if (!state.exists) throw accountNotFound(accountNumber);
}

/** Nothing new may happen on a closed account (retries of what it recorded are still answered). */
export function requireOpenAccount(state: AccountState): void {
  if (state.status !== 'open') throw accountClosed(state.accountNumber);
}

/** A till serves only the pupils of its own school. */
export function requireTillOfAccountSchool(state: AccountState, tillSchoolId: string): void {
  if (state.schoolId !== tillSchoolId) throw wrongSchool(state.schoolId, tillSchoolId);
}

/** Only the account's active card pays: a blocked card is refused everywhere, a new one must be activated first. */
export function requirePayingCard(state: AccountState, cardUid: string): void {
  const status = state.cards.get(cardUid);
  if (status === 'blocked') throw cardBlocked(cardUid);
  if (status === 'issued') throw cardNotActive(cardUid);
  if (status !== 'active' || state.currentCardUid !== cardUid) throw unknownCard(cardUid);
}

/** No debit may take the balance below −overdraftLimit. */
export function requireWithinOverdraft(state: AccountState, debit: Kopecks, policy: AccountPolicy): void {
  if (state.balance - debit < -policy.overdraftLimit) throw insufficientFunds(state.balance, debit);
}

/**
 * A till's offline check may go further below zero than an online one, down to the offline
 * limit (or the overdraft limit, if that is larger): it was sold against the balance the
 * till last knew and the food was handed over already.
 */
export function requireWithinOfflineLimit(state: AccountState, debit: Kopecks, policy: AccountPolicy): void {
  const floor = -Math.max(policy.overdraftLimit, offlineLimitOf(policy));
  if (state.balance - debit < floor) throw insufficientFunds(state.balance, debit);
}
