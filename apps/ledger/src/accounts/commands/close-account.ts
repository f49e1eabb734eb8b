/**
 * A pupil leaves: the account closes and its remaining balance is refunded to the parent
 * or transferred to another (sibling's) account. The transfer's receiving half is appended
 * right away; if the process dies in between, the TransferReconciler completes it.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountClosed, accountNotFound, type AccountSettlement } from '@meals/domain';
import type { CloseAccountRequest as CloseRequest, CloseAccountResult as CloseResult } from '@meals/contracts';
import { eventIdOf } from '../../infrastructure/event-ids.js';
import type { CommandContext } from '../../infrastructure/command-context.js';
import { AccountCommandRunner } from '../account-command-runner.js';
import { TransferCompleter } from '../transfer-completer.js';

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

    const outcome = await this.runner.run({ type: 'CloseAccount', accountNumber, reason: close.reason, settlement }, context);
    let amount = 0;
    let toBalance: number | undefined;
    for (const event of outcome.appended) {
      if (event.type === 'account.refunded.v1') amount = event.data.amount;
      if (event.type === 'account.balance-transferred-out.v1') {
        amount = event.data.amount;
        // the transfer-out's id is name-based, so this is the id it was stored under
        toBalance = (await this.transfers.complete(event.data, eventIdOf(event), context)).state.balance;
      }
    }
    return {
      accountNumber,
      status: 'closed',
      settlement:
        settlement.kind === 'refund'
          ? { kind: 'refund', amount }
          : { kind: 'transfer', amount, toAccountNumber: settlement.toAccountNumber, ...(toBalance === undefined ? {} : { toBalance }) },
    };
  }

  /** Refuse before closing, so the money is not sent to an account that cannot take it. */
  private async requireOpenTarget(toAccountNumber: string): Promise<void> {
    const { state } = await this.runner.load(toAccountNumber);
    if (!state.exists) throw accountNotFound(toAccountNumber);
    if (state.status !== 'open') throw accountClosed(toAccountNumber);
  }
}
