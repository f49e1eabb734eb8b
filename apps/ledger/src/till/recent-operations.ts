/** «Детализация»: the last statement lines of a card's account, with check items (the statement's own query). */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RecentOperations } from '@meals/contracts';
import { accountNotFound, unknownCard } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { accountProfile, recentStatementLines, TypedReadModels } from '@meals/read-models';
import { CardIndex } from '../accounts/card-index.js';
import { READ_MODELS } from '../infrastructure/tokens.js';

export class RecentOperationsQuery extends Query<RecentOperations> {
  constructor(
    readonly cardUid: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(RecentOperationsQuery)
export class RecentOperationsHandler implements IQueryHandler<RecentOperationsQuery> {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly cards: CardIndex,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ cardUid, limit }: RecentOperationsQuery): Promise<RecentOperations> {
    const accountNumber = await this.cards.accountOf(cardUid);
    if (accountNumber === null) throw unknownCard(cardUid);
    const [profile, lines] = await Promise.all([
      accountProfile(this.readModels, accountNumber),
      recentStatementLines(this.readModels, accountNumber, limit),
    ]);
    if (!profile || !lines) throw accountNotFound(accountNumber);
    const { fullName, className, schoolId, balance } = profile;
    return { accountNumber, fullName, className, schoolId, balance, lines };
  }
}
