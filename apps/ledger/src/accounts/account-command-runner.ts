/**
 * Runs one account command: load the account, let the domain's `decideAccount` decide,
 * append the events (see AggregateStore for caching, queuing and conflict retries).
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_ACCOUNT_POLICY,
  DomainError,
  decideAccount,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
} from '@meals/domain';
import type { Outcome } from '../infrastructure/aggregate-store.js';
import type { CommandContext } from '../infrastructure/command-context.js';
import { LEDGER_SETTINGS, type LedgerSettings } from '../infrastructure/tokens.js';
import { LedgerMetrics } from '../observability/metrics.js';
import { AccountAggregates } from './account-aggregates.js';

export type AccountOutcome = Outcome<AccountState, AccountEvent>;

@Injectable()
export class AccountCommandRunner {
  constructor(
    private readonly accounts: AccountAggregates,
    private readonly metrics: LedgerMetrics,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async run(command: AccountCommand, context: CommandContext): Promise<AccountOutcome> {
    try {
      return await this.accounts.execute(command.accountNumber, command.type, context, (state) =>
        decideAccount(command, state, this.settings.accountPolicy ?? DEFAULT_ACCOUNT_POLICY),
      );
    } catch (error) {
      if (error instanceof DomainError) this.metrics.commandsRefused.inc({ code: error.code });
      throw error;
    }
  }

  load(accountNumber: string) {
    return this.accounts.load(accountNumber);
  }
}

/** A command that was already carried out earlier: the retry appended nothing. */
export const isRepeat = (outcome: AccountOutcome): boolean => outcome.appended.length === 0;
