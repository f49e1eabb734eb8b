/** Account profile and balance, from the `accounts` read model. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AccountProfile } from '@meals/contracts';
import { accountNotFound } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { accountProfile as readAccountProfile, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';

export class GetAccountQuery extends Query<AccountProfile> {
  constructor(readonly accountNumber: string) {
    super();
  }
}

@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery> {
  private readonly readModels: TypedReadModels;

  constructor(@Inject(READ_MODELS) store: ReadModelStore) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ accountNumber }: GetAccountQuery): Promise<AccountProfile> {
    const profile = await readAccountProfile(this.readModels, accountNumber);
    if (!profile) throw accountNotFound(accountNumber);
    return profile;
  }
}
