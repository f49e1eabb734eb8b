/**
 * A pupil leaves: the account closes and its remaining balance is refunded to the parent
 * or transferred to another (sibling's) account. The transfer's receiving half is appended
 * right away; if the process dies in between, the TransferReconciler completes it.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  accountClosed,
  accountNotFound,
  type AccountBalanceTransferredOut,
  type AccountSettlement,
} from '@meals/domain';
import type { CloseAccountRequest as CloseRequest, CloseAccountResult as CloseResult } from '@meals/contracts';
import { eventIdOf } from '@meals/command-runner';
import type { CommandContext } from '@meals/command-runner';
import { AccountCommandRunner } from '../account-command-runner.js';
import { TransferCompleter } from '../transfer-completer.js';

import { commandResultOf } from '../../http/command-result.js';
export class CloseAccountCommand extends Command<CloseResult> {
  constructor(
    readonly accountNumber: string,
    readonly close: CloseRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** An account closes once, so its payout ids derive from its number. */
const payoutId = (accountNumber: string): string => `close-${accountNumber}`;

@CommandHandler(CloseAccountCommand)
export class CloseAccountHandler implements ICommandHandler<CloseAccountCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly transfers: TransferCompleter,
  ) {}

  async execute({ accountNumber, close, context }: CloseAccountCommand): Promise<CloseResult> {
    const settlement: AccountSettlement =
      close.settlement.kind === 'refund'
        ? { kind: 'refund', refundId: payoutId(accountNumber) }
        : { kind: 'transfer', transferId: payoutId(accountNumber), toAccountNumber: close.settlement.toAccountNumber };
    if (settlement.kind === 'transfer') await this.requireOpenTarget(settlement.toAccountNumber);

    const outcome = await this.runner.run(
      { type: 'CloseAccount', accountNumber, reason: close.reason, settlement },
      context,
    );
    // the payout is read from the state, so a repeated close answers the same as the first
    if (settlement.kind === 'refund') {
      const amount = outcome.state.refunds.get(settlement.refundId) ?? 0;
      return { ...commandResultOf(outcome.position), accountNumber, settlement: { kind: 'refund', amount } };
    }
    const { transferId, toAccountNumber } = settlement;
    const paidOut = outcome.state.transfersOut.get(transferId);
    if (!paidOut)
      return {
        ...commandResultOf(outcome.position),
        accountNumber,
        settlement: { kind: 'transfer', amount: 0, toAccountNumber },
      };
    // the receiving half, also when repeating a close (once per transfer: a repeat changes nothing)
    const transferredOut: AccountBalanceTransferredOut = {
      type: 'account.balance-transferred-out.v1',
      data: { accountNumber, transferId, toAccountNumber, amount: paidOut.amount },
    };
    // the transfer-out's id is name-based, so this is the id it was stored under
    const received = await this.transfers.complete(transferredOut.data, eventIdOf(transferredOut), context);
    return {
      ...commandResultOf(outcome.position, received.position),
      accountNumber,
      settlement: { kind: 'transfer', amount: paidOut.amount, toAccountNumber, toBalance: received.state.balance },
    };
  }

  /** Refuse before closing, so the money is not sent to an account that cannot take it. */
  private async requireOpenTarget(toAccountNumber: string): Promise<void> {
    const { state } = await this.runner.load(toAccountNumber);
    if (!state.exists) throw accountNotFound(toAccountNumber);
    if (state.status !== 'open') throw accountClosed(toAccountNumber);
  }
}
