/** A bank's payment onto an account, recorded at most once per bank payment id. */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TopUpRequest, TopUpResult } from '@meals/contracts';
import type { CommandContext } from '@meals/command-runner';
import { AccountCommandRunner } from '../account-command-runner.js';

import { commandResultOf } from '../../http/command-result.js';
export class RecordTopUpCommand extends Command<TopUpResult> {
  constructor(
    readonly topUp: TopUpRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordTopUpCommand)
export class RecordTopUpHandler implements ICommandHandler<RecordTopUpCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ topUp, context }: RecordTopUpCommand): Promise<TopUpResult> {
    const outcome = await this.runner.run(
      { type: 'RecordTopUp', ...topUp, receivedAt: context.now.toISOString() },
      context,
    );
    return {
      ...commandResultOf(outcome.position),
      accountNumber: topUp.accountNumber,
      balance: outcome.state.balance,
      position: outcome.position?.toString() ?? null,
    };
  }
}
