import type { AccountEvent } from '../events.js';
import { requireId, requireNonZeroAmount, requireReason } from '../validation.js';
import type { RecordCorrection } from './account-commands.js';
import { correctionConflict } from './account-errors.js';
import type { AccountPolicy } from './account-policy.js';
import { requireExistingAccount, requireOpenAccount, requireWithinOverdraft } from './account-rules.js';
import type { AccountState } from './account-state.js';

/**
 * Staff correct a balance with a new entry, never by editing one: positive credits, negative
 * debits (within the overdraft limit, like a sale). Once per correction id.
 */
export function decideRecordCorrection(
  command: RecordCorrection,
  state: AccountState,
  policy: AccountPolicy,
): AccountEvent[] {
  const correctionId = requireId(command.correctionId, 'correctionId');
  const amount = requireNonZeroAmount(command.amount);
  const reason = requireReason(command.reason);
  requireExistingAccount(state, command.accountNumber);

  const seen = state.corrections.get(correctionId);
  if (seen) {
    if (seen.amount === amount && seen.reason === reason) return [];
    throw correctionConflict(correctionId);
  }
  requireOpenAccount(state);
  if (amount < 0) requireWithinOverdraft(state, -amount, policy);
  return [{ type: 'account.corrected.v1', data: { accountNumber: state.accountNumber, correctionId, amount, reason } }];
}
