/**
 * The receiving half of a balance transfer: credits the target account once per transfer
 * (the event id derives from the transfer id, and the decider recognises a repeat). Used
 * right after an account closes with a transfer, and by the reconciler after a crash.
 */
import { Injectable } from '@nestjs/common';
import type { AccountBalanceTransferredOut } from '@meals/domain';
import { causedBy, type CommandContext } from '@meals/command-runner';
import { AccountCommandRunner, type AccountOutcome } from './account-command-runner.js';

@Injectable()
export class TransferCompleter {
  constructor(private readonly runner: AccountCommandRunner) {}

  complete(
    transfer: AccountBalanceTransferredOut['data'],
    transferOutEventId: string,
    context: CommandContext,
  ): Promise<AccountOutcome> {
    return this.runner.run(
      {
        type: 'ReceiveTransfer',
        accountNumber: transfer.toAccountNumber,
        transferId: transfer.transferId,
        fromAccountNumber: transfer.accountNumber,
        amount: transfer.amount,
      },
      causedBy(context, transferOutEventId),
    );
  }
}
