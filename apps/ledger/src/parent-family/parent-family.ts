/**
 * The family: every account whose parent confirmed the same email as this account's (each
 * through its own mailed link). A parent of the family may switch to any of them without
 * signing in again; an email changed or not yet confirmed takes the account out at once,
 * because the link is looked up on every call.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { FamilyMember } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { accountProfile, collections, TypedReadModels } from '@meals/read-models';
import type { CabinetCredentialStore } from '../identity/store/identity-store.port.js';
import { IDENTITY_STORE, READ_MODELS } from '../infrastructure/tokens.js';
import { notInFamily } from './family-errors.js';

@Injectable()
export class ParentFamily {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(IDENTITY_STORE) private readonly store: CabinetCredentialStore,
    @Inject(READ_MODELS) readModels: ReadModelStore,
  ) {
    this.readModels = new TypedReadModels(readModels);
  }

  /** The account numbers of the family, this one included (alone without a confirmed email). */
  async accountsOf(accountNumber: string): Promise<string[]> {
    const credentials = await this.store.findCabinetCredentials(accountNumber);
    if (!credentials?.email || !credentials.emailConfirmed) return [accountNumber];
    const linked = await this.store.listAccountsWithConfirmedEmail(credentials.email);
    return linked.includes(accountNumber) ? linked : [accountNumber, ...linked].sort();
  }

  /** The family with names, classes and balances from the read models. */
  async members(accountNumber: string): Promise<FamilyMember[]> {
    const members: FamilyMember[] = [];
    for (const number of await this.accountsOf(accountNumber)) {
      const profile = await accountProfile(this.readModels, number);
      if (!profile) continue;
      const school = await this.readModels.get(collections.schools, profile.schoolId);
      members.push({
        accountNumber: number,
        fullName: profile.fullName,
        className: profile.className,
        schoolName: school?.name ?? `Школа № ${profile.schoolId}`,
        balance: profile.balance,
        balanceText: profile.balanceText,
        status: profile.status,
        current: number === accountNumber,
      });
    }
    return members;
  }

  /** Refuses (403) unless both accounts confirmed the same email now. */
  async assertSameFamily(from: string, to: string): Promise<void> {
    if (from === to) return;
    if (!(await this.accountsOf(from)).includes(to)) throw notInFamily();
  }
}
