import { TOP_UP_CHANNELS, type AccountEvent } from '../events.js';
import { requireId, requireIsoInstant, requirePositiveAmount } from '../validation.js';
import type { RecordTopUp } from './account-commands.js';
import { invalidChannel, paymentConflict } from './account-errors.js';
import { requireExistingAccount, requireOpenAccount } from './account-rules.js';
import { businessTimeLimitsOf, type AccountPolicy } from './account-policy.js';
import type { AccountState } from './account-state.js';
import { rejectImplausibleBusinessTime } from './business-time-limits.js';

/**
 * Credits a bank payment, at most once per payment id: a redelivery (same amount and
 * channel) changes nothing, whatever paidAt spelling the bank or the registry used; the same
 * id with another amount or channel is a conflict. New payments into a closed account are refused,
 * and so are payments dated outside the policy's window around receivedAt.
 */
export function decideRecordTopUp(command: RecordTopUp, state: AccountState, policy: AccountPolicy): AccountEvent[] {
  const paymentId = requireId(command.paymentId, 'paymentId');
  if (!TOP_UP_CHANNELS.includes(command.channel)) throw invalidChannel();
  const amount = requirePositiveAmount(command.amount);
  const paidAt = requireIsoInstant(command.paidAt, 'paidAt');
  requireExistingAccount(state, command.accountNumber);

  const seen = state.topUps.get(paymentId);
  if (seen) {
    if (seen.amount === amount && seen.channel === command.channel) return [];
    throw paymentConflict(paymentId);
  }
  requireOpenAccount(state);
  const limits = businessTimeLimitsOf(policy);
  rejectImplausibleBusinessTime('paidAt', paidAt, command.receivedAt, limits.topUpMaxAgeMs, limits.clockSkewMs);
  return [
    {
      type: 'account.topped-up.v1',
      data: { accountNumber: state.accountNumber, paymentId, channel: command.channel, amount, paidAt },
    },
  ];
}
