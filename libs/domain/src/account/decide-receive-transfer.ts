import type { AccountEvent } from '../events.js';
import { requireAccountNumber, requireId, requirePositiveAmount } from '../validation.js';
import type { ReceiveTransfer } from './account-commands.js';
import { sameAccount, transferConflict } from './account-errors.js';
import { requireExistingAccount, requireOpenAccount } from './account-rules.js';
import type { AccountState } from './account-state.js';

/** Credits a balance transferred from another account; once per transfer id, into an open account only. */
export function decideReceiveTransfer(command: ReceiveTransfer, state: AccountState): AccountEvent[] {
  const transferId = requireId(command.transferId, 'transferId');
  const fromAccountNumber = requireAccountNumber(command.fromAccountNumber, 'fromAccountNumber');
  if (fromAccountNumber === command.accountNumber) throw sameAccount(fromAccountNumber);
  // a closing account sends its whole balance, so no cap below the safe-integer range here
  const amount = requirePositiveAmount(command.amount, 'amount', Number.MAX_SAFE_INTEGER);
  requireExistingAccount(state, command.accountNumber);

  const seen = state.transfersIn.get(transferId);
  if (seen) {
    if (seen.fromAccountNumber === fromAccountNumber && seen.amount === amount) return [];
    throw transferConflict(transferId);
  }
  requireOpenAccount(state);
  return [
    {
      type: 'account.balance-transferred-in.v1',
      data: { accountNumber: state.accountNumber, transferId, fromAccountNumber, amount },
    },
  ];
}
