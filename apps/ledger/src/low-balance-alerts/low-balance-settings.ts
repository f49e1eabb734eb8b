/**
 * The parent's side of the low-balance alert: read and set the threshold. Setting it starts
 * the alert from the account's balance now (armed when at or above the threshold), at the
 * account stream's current revision, so the reactor counts only what comes after.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { LowBalanceAlert } from '@meals/contracts';
import { formatRoubles, requireAccountNumber, watchFrom } from '@meals/domain';
import { AccountAggregates } from '../accounts/account-aggregates.js';
import type { IdentityStore } from '../identity/store/identity-store.port.js';
import { IDENTITY_STORE } from '../infrastructure/tokens.js';
import { emailNotConfirmed } from './low-balance-errors.js';

@Injectable()
export class LowBalanceSettings {
  constructor(
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    private readonly accounts: AccountAggregates,
  ) {}

  async get(accountNumber: string): Promise<LowBalanceAlert> {
    const [record, credentials] = await Promise.all([
      this.store.findLowBalanceAlert(accountNumber),
      this.store.findCabinetCredentials(accountNumber),
    ]);
    const threshold = record?.threshold ?? 0;
    return {
      threshold,
      thresholdText: formatRoubles(threshold),
      active: threshold > 0 && Boolean(credentials?.email && credentials.emailConfirmed),
      armed: record?.armed ?? false,
    };
  }

  /** 0 turns the alert off; any other threshold needs a confirmed email. */
  async set(accountNumber: string, threshold: number, now: Date): Promise<LowBalanceAlert> {
    if (threshold === 0) {
      await this.store.deleteLowBalanceAlert(accountNumber);
    } else {
      const credentials = await this.store.findCabinetCredentials(accountNumber);
      if (!credentials?.email || !credentials.emailConfirmed) throw emailNotConfirmed();
      // the latest state: another ledger instance may have appended since this one cached it
      const { state, revision } = await this.accounts.reload(requireAccountNumber(accountNumber));
      const previous = await this.store.findLowBalanceAlert(accountNumber);
      await this.store.saveLowBalanceAlert({
        accountNumber,
        threshold,
        armed: watchFrom(threshold, state.balance).armed,
        balance: state.balance,
        revision: revision === 'no_stream' ? '-1' : revision.toString(),
        version: (previous?.version ?? 0) + 1,
        updatedAt: now.toISOString(),
      });
    }
    await this.store.appendAccessAudit({
      at: now.toISOString(),
      actor: `parent:${accountNumber}`,
      action: 'low_balance_alert_set',
      accountNumber,
    });
    return this.get(accountNumber);
  }
}
