import type { AccountEvent } from '../events.js';
import { requireAccountNumber, requireId, requireReason } from '../validation.js';
import type { AccountSettlement, CloseAccount } from './account-commands.js';
import { balanceNegative, invalidSettlement, sameAccount } from './account-errors.js';
import { requireExistingAccount, requireOpenAccount } from './account-rules.js';
import type { AccountState } from './account-state.js';

function validSettlement(settlement: AccountSettlement | undefined, ownAccountNumber: string): AccountSettlement {
  if (settlement?.kind === 'refund')
    return { kind: 'refund', refundId: requireId(settlement.refundId, 'settlement.refundId') };
  if (settlement?.kind === 'transfer') {
    const transferId = requireId(settlement.transferId, 'settlement.transferId');
    const toAccountNumber = requireAccountNumber(settlement.toAccountNumber, 'settlement.toAccountNumber');
    if (toAccountNumber === ownAccountNumber) throw sameAccount(ownAccountNumber);
    return { kind: 'transfer', transferId, toAccountNumber };
  }
  throw invalidSettlement();
}

/**
 * A close carried out before, asked again (a retry): the payout it recorded is the one asked
 * for, or it paid nothing out (a zero balance), so either settlement describes it.
 */
function repeatsClose(settlement: AccountSettlement, state: AccountState): boolean {
  if (state.status !== 'closed') return false;
  if (state.refunds.size === 0 && state.transfersOut.size === 0) return true;
  if (settlement.kind === 'refund') return state.refunds.has(settlement.refundId);
  return state.transfersOut.get(settlement.transferId)?.toAccountNumber === settlement.toAccountNumber;
}

/**
 * Closes the account (the pupil left). A positive balance is paid out first, by a refund to
 * the parent or a transfer to another (sibling's) account; the application then records the
 * transfer's receiving half with ReceiveTransfer. A negative balance must be settled first.
 * Closing again with the same settlement changes nothing; with another one it is refused.
 */
export function decideCloseAccount(command: CloseAccount, state: AccountState): AccountEvent[] {
  const reason = requireReason(command.reason);
  const settlement = validSettlement(command.settlement, command.accountNumber);
  requireExistingAccount(state, command.accountNumber);
  if (repeatsClose(settlement, state)) return [];
  requireOpenAccount(state);
  const { accountNumber, balance } = state;
  if (balance < 0) throw balanceNegative(accountNumber, balance);

  const payout: AccountEvent[] = [];
  if (balance > 0 && settlement.kind === 'refund') {
    payout.push({
      type: 'account.refunded.v1',
      data: { accountNumber, refundId: settlement.refundId, amount: balance, reason },
    });
  }
  if (balance > 0 && settlement.kind === 'transfer') {
    const { transferId, toAccountNumber } = settlement;
    payout.push({
      type: 'account.balance-transferred-out.v1',
      data: { accountNumber, transferId, toAccountNumber, amount: balance },
    });
  }
  return [...payout, { type: 'account.closed.v1', data: { accountNumber, reason } }];
}
