import type { Decider } from '../decider.js';
import { ACCOUNT_EVENT_TYPES } from '../event-catalogue.js';
import { accountStreamId, type AccountEvent } from '../events.js';
import type { AccountCommand } from './account-commands.js';
import { DEFAULT_ACCOUNT_POLICY, assertValidPolicy, type AccountPolicy } from './account-policy.js';
import { initialAccountState, type AccountState } from './account-state.js';
import { decideAccountUnderValidPolicy } from './decide-account.js';
import { evolveAccount, foldAccount } from './evolve-account.js';

export type AccountDecider = Decider<AccountCommand, AccountState, AccountEvent>;

/** The account aggregate (stream `account-<accountNumber>`) deciding with the given policy. */
export function accountDeciderWith(policy: AccountPolicy): AccountDecider {
  assertValidPolicy(policy);
  return {
    decide: (command, state) => decideAccountUnderValidPolicy(command, state, policy),
    evolve: evolveAccount,
    fold: foldAccount,
    initialState: initialAccountState,
    streamId: accountStreamId,
    eventTypes: ACCOUNT_EVENT_TYPES,
  };
}

/** The account aggregate with the default policy. */
export const accountDecider: AccountDecider = accountDeciderWith(DEFAULT_ACCOUNT_POLICY);
