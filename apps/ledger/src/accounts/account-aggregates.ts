/** The account aggregate as the ledger loads and saves it: stream `account-<accountNumber>`. */
import { CommandRunner, UniqueKeyClaims } from '@meals/command-runner';
import {
  accountDeciderWith,
  DEFAULT_ACCOUNT_POLICY,
  type AccountCommand,
  type AccountEvent,
  type AccountPolicy,
  type AccountState,
} from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { commandMetricsOf } from '../infrastructure/command-metrics.js';
import type { LedgerMetrics } from '../observability/metrics.js';

/**
 * How many account states stay in memory. A state remembers every check and payment id
 * of the account (for idempotency), so late in a school year one weighs ~100 KB.
 */
export const ACCOUNT_CACHE_CAPACITY = 10_000;

export class AccountAggregates extends CommandRunner<AccountCommand, AccountState, AccountEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics, policy: AccountPolicy = DEFAULT_ACCOUNT_POLICY) {
    super(accountDeciderWith(policy), eventStore, {
      cacheCapacity: ACCOUNT_CACHE_CAPACITY,
      metrics: commandMetricsOf(metrics),
      uniqueKeys: new UniqueKeyClaims(eventStore),
    });
  }
}
