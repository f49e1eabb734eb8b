/**
 * What a till and school staff read besides the statement: the card a till just read, the
 * card's last operations («Детализация»), and the school's refused offline checks. All from
 * the read models.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RecentOperations, TillCard, TillRefusals } from '@meals/contracts';
import { DEFAULT_ACCOUNT_POLICY, accountNotFound, offlineLimitOf, unknownCard } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import {
  accountProfile,
  recentStatementLines,
  schoolTillRefusals,
  tillCard,
  TypedReadModels,
} from '@meals/read-models';
import { CardIndex } from '../accounts/card-index.js';
import { LEDGER_SETTINGS, READ_MODELS, type LedgerSettings } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';

export class LookupCardQuery extends Query<TillCard> {
  constructor(readonly cardUid: string) {
    super();
  }
}

export class RecentOperationsQuery extends Query<RecentOperations> {
  constructor(
    readonly cardUid: string,
    readonly limit: number,
  ) {
    super();
  }
}

export class ListTillRefusalsQuery extends Query<TillRefusals> {
  constructor(
    readonly schoolId: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(LookupCardQuery)
export class LookupCardHandler implements IQueryHandler<LookupCardQuery> {
  private readonly readModels: TypedReadModels;
  private readonly offlineLimit: number;

  constructor(@Inject(READ_MODELS) store: ReadModelStore, @Inject(LEDGER_SETTINGS) settings: LedgerSettings) {
    this.readModels = new TypedReadModels(store);
    this.offlineLimit = offlineLimitOf(settings.accountPolicy ?? DEFAULT_ACCOUNT_POLICY);
  }

  async execute({ cardUid }: LookupCardQuery): Promise<TillCard> {
    const card = await tillCard(this.readModels, cardUid);
    if (!card) throw unknownCard(cardUid);
    return { ...card, offlineLimit: this.offlineLimit };
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

@QueryHandler(ListTillRefusalsQuery)
export class ListTillRefusalsHandler implements IQueryHandler<ListTillRefusalsQuery> {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly schools: SchoolDirectory,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ schoolId, limit }: ListTillRefusalsQuery): Promise<TillRefusals> {
    await this.schools.assertRegistered(schoolId);
    return { schoolId, refusals: await schoolTillRefusals(this.readModels, schoolId, limit) };
  }
}
