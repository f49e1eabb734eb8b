import { checkNumberSchool } from '../check-number.js';
import type { AccountEvent } from '../events.js';
import { requireCardUid, requireId, requireIsoInstant, requireSchoolId } from '../validation.js';
import type { RecordSale } from './account-commands.js';
import { checkConflict, checkOfOtherSchool, invalidCheckNumber } from './account-errors.js';
import { businessTimeLimitsOf, type AccountPolicy } from './account-policy.js';
import {
  requireExistingAccount,
  requireOpenAccount,
  requirePayingCard,
  requireTillOfAccountSchool,
  requireWithinOfflineLimit,
  requireWithinOverdraft,
} from './account-rules.js';
import type { AccountState } from './account-state.js';
import { rejectImplausibleBusinessTime } from './business-time-limits.js';
import { saleFingerprint } from './sale-fingerprint.js';
import { checkLines } from './sale-items.js';

/**
 * Debits a till's check, at most once per check number: a retry with the same content changes
 * nothing (even after the card was blocked), other content under the same number is a conflict.
 * Only the account's active card pays, only at a till of the account's school, only
 * within the overdraft limit (an offline check: within the offline limit), and only for a soldAt inside
 * the policy's window around receivedAt. The offline flag is no part of the check's content: a check the
 * ledger recorded while the till thought it offline is a retry when it comes again flagged offline.
 */
export function decideRecordSale(command: RecordSale, state: AccountState, policy: AccountPolicy): AccountEvent[] {
  const tillSchoolId = requireSchoolId(command.tillSchoolId, 'tillSchoolId');
  const checkSchool = checkNumberSchool(typeof command.checkNumber === 'string' ? command.checkNumber : '');
  if (checkSchool === null) throw invalidCheckNumber();
  if (checkSchool !== tillSchoolId) throw checkOfOtherSchool(command.checkNumber, tillSchoolId);
  const { checkNumber } = command;
  const tillId = requireId(command.tillId, 'tillId');
  const cardUid = requireCardUid(command.cardUid);
  const { items, total } = checkLines(command.items);
  const soldAt = requireIsoInstant(command.soldAt, 'soldAt');
  requireExistingAccount(state, command.accountNumber);

  const seen = state.checks.get(checkNumber);
  if (seen) {
    if (seen.fingerprint === saleFingerprint({ schoolId: tillSchoolId, tillId, cardUid, items, soldAt })) return [];
    throw checkConflict(checkNumber);
  }
  requireOpenAccount(state);
  const limits = businessTimeLimitsOf(policy);
  rejectImplausibleBusinessTime('soldAt', soldAt, command.receivedAt, limits.saleMaxAgeMs, limits.clockSkewMs);
  requireTillOfAccountSchool(state, tillSchoolId);
  requirePayingCard(state, cardUid);
  if (command.offline === true) requireWithinOfflineLimit(state, total, policy);
  else requireWithinOverdraft(state, total, policy);
  return [
    {
      type: 'account.sale-debited.v1',
      data: {
        accountNumber: state.accountNumber,
        checkNumber,
        schoolId: tillSchoolId,
        tillId,
        cardUid,
        items,
        total,
        soldAt,
        ...(command.offline === true ? { offline: true as const } : {}),
      },
    },
  ];
}
