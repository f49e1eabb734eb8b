import type { AccountEvent } from '../events.js';
import { requireAccountNumber } from '../validation.js';
import type { AccountCommand } from './account-commands.js';
import { DEFAULT_ACCOUNT_POLICY, assertValidPolicy, type AccountPolicy } from './account-policy.js';
import type { AccountState } from './account-state.js';
import { decideActivateCard, decideBlockCard, decideIssueReplacementCard } from './decide-card-commands.js';
import { decideCloseAccount } from './decide-close-account.js';
import { decideRecordCorrection } from './decide-correction.js';
import { decideMoveAccount } from './decide-move-account.js';
import { decideOpenAccount } from './decide-open-account.js';
import { decideReceiveTransfer } from './decide-receive-transfer.js';
import { decideRecordSale } from './decide-sale.js';
import { decideRecordTopUp } from './decide-top-up.js';
import { decideOrderPupilMeals } from './decide-meal-order.js';

/**
 * Decides what an account command records, given the account's current state. Returns the
 * events to append (none when the command was already carried out: a retry), or throws a
 * DomainError naming the rule that refuses it.
 */
export function decideAccount(
  command: AccountCommand,
  state: AccountState,
  policy: AccountPolicy = DEFAULT_ACCOUNT_POLICY,
): AccountEvent[] {
  assertValidPolicy(policy);
  return decideAccountUnderValidPolicy(command, state, policy);
}

/** decideAccount for a policy validated before (the decider value checks its policy once, not per sale). */
export function decideAccountUnderValidPolicy(
  command: AccountCommand,
  state: AccountState,
  policy: AccountPolicy,
): AccountEvent[] {
  requireAccountNumber(command.accountNumber);
  if (state.exists && state.accountNumber !== command.accountNumber) {
    throw new Error(
      `command for account ${command.accountNumber} decided on the state of account ${state.accountNumber}`,
    );
  }
  switch (command.type) {
    case 'OpenAccount':
      return decideOpenAccount(command, state);
    case 'MoveAccount':
      return decideMoveAccount(command, state);
    case 'CloseAccount':
      return decideCloseAccount(command, state);
    case 'ReceiveTransfer':
      return decideReceiveTransfer(command, state);
    case 'IssueReplacementCard':
      return decideIssueReplacementCard(command, state);
    case 'ActivateCard':
      return decideActivateCard(command, state);
    case 'BlockCard':
      return decideBlockCard(command, state);
    case 'RecordTopUp':
      return decideRecordTopUp(command, state, policy);
    case 'RecordSale':
      return decideRecordSale(command, state, policy);
    case 'RecordCorrection':
      return decideRecordCorrection(command, state, policy);
    case 'OrderPupilMeals':
      return decideOrderPupilMeals(command, state);
  }
}
