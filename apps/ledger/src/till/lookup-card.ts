/** The card a till just read: the pupil, balance and card status behind it (the `cards` and `accounts` read models). */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TillCard } from '@meals/contracts';
import { DEFAULT_ACCOUNT_POLICY, offlineLimitOf, unknownCard } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { tillCard, TypedReadModels } from '@meals/read-models';
import { LEDGER_SETTINGS, READ_MODELS, type LedgerSettings } from '../infrastructure/tokens.js';

export class LookupCardQuery extends Query<TillCard> {
  constructor(readonly cardUid: string) {
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
