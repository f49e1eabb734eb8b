/**
 * Runs one account command on the account it names (see CommandRunner in
 * @meals/command-runner for caching, queuing, conflict retries and metrics).
 */
import { Injectable } from '@nestjs/common';
import type { CommandContext, Outcome } from '@meals/command-runner';
import type { AccountCommand, AccountEvent, AccountState } from '@meals/domain';
import { AccountAggregates } from './account-aggregates.js';

export type AccountOutcome = Outcome<AccountState, AccountEvent>;

@Injectable()
export class AccountCommandRunner {
  constructor(private readonly accounts: AccountAggregates) {}

  run(command: AccountCommand, context: CommandContext): Promise<AccountOutcome> {
    return this.accounts.run(command.accountNumber, command, context);
  }

  load(accountNumber: string) {
    return this.accounts.load(accountNumber);
  }
}
