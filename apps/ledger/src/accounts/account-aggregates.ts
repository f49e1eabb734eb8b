/** The account aggregate as the ledger loads and saves it: stream `account-<accountNumber>`. */
import {
  accountStreamId,
  evolveAccount,
  foldAccount,
  initialAccountState,
  type AccountEvent,
  type AccountState,
} from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { AggregateStore, defineAggregate } from '../infrastructure/aggregate-store.js';
import { UniqueKeyClaims } from '../infrastructure/unique-key-claims.js';

export const ACCOUNT_AGGREGATE = defineAggregate<AccountState, AccountEvent>({
  streamId: accountStreamId,
  initialState: initialAccountState,
  evolve: evolveAccount,
  fold: foldAccount,
  eventTypes: [
    'account.opened.v1',
    'account.moved.v1',
    'account.closed.v1',
    'card.issued.v1',
    'card.activated.v1',
    'card.blocked.v1',
    'account.topped-up.v1',
    'account.sale-debited.v1',
    'account.corrected.v1',
    'account.refunded.v1',
    'account.balance-transferred-out.v1',
    'account.balance-transferred-in.v1',
  ],
});

/**
 * How many account states stay in memory. A state remembers every check and payment id
 * of the account (for idempotency), so late in a school year one weighs ~100 KB.
 */
export const ACCOUNT_CACHE_CAPACITY = 10_000;

export class AccountAggregates extends AggregateStore<AccountState, AccountEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(ACCOUNT_AGGREGATE, eventStore, metrics, ACCOUNT_CACHE_CAPACITY, new UniqueKeyClaims(eventStore));
  }
}
