/** Account profile and balance, from the `accounts` read model. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { accountNotFound, formatRoubles } from '@meals/domain';
import type { AccountProfile } from '@meals/contracts';
import type { AccountDoc } from '@meals/projections';
import type { ReadModelStore } from '@meals/read-model-store';
import { READ_MODELS } from '../infrastructure/tokens.js';

export class GetAccountQuery extends Query<AccountProfile> {
  constructor(readonly accountNumber: string) {
    super();
  }
}

@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelStore) {}

  async execute({ accountNumber }: GetAccountQuery): Promise<AccountProfile> {
    const doc = await this.readModels.get<AccountDoc>('accounts', accountNumber);
    if (!doc) throw accountNotFound(accountNumber);
    return toAccountProfile(doc);
  }
}

export function toAccountProfile(doc: AccountDoc): AccountProfile {
  return {
    accountNumber: doc.accountNumber,
    fullName: doc.fullName,
    schoolId: doc.schoolId,
    className: doc.className,
    status: doc.status,
    balance: doc.balance,
    balanceText: formatRoubles(doc.balance),
    cardUid: doc.cardUid,
    cardStatus: doc.cardStatus,
    openedAt: doc.openedAt,
  };
}
