/**
 * Which account a card belongs to, for tills that only know the card. The `cards` read
 * model answers; cards this process issued a moment ago are remembered here too, so a
 * card can be used before the projection has caught up (read-your-write).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelStore } from '@meals/read-model-store';
import { LRUCache } from 'lru-cache';
import { collections, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';

@Injectable()
export class CardIndex {
  private readonly recentlyIssued = new LRUCache<string, string>({ max: 50_000 });

  private readonly readModels: TypedReadModels;

  constructor(@Inject(READ_MODELS) store: ReadModelStore) {
    this.readModels = new TypedReadModels(store);
  }

  remember(cardUid: string, accountNumber: string): void {
    this.recentlyIssued.set(cardUid, accountNumber);
  }

  async accountOf(cardUid: string): Promise<string | null> {
    const recent = this.recentlyIssued.get(cardUid);
    if (recent) return recent;
    const card = await this.readModels.get(collections.cards, cardUid);
    return card?.accountNumber ?? null;
  }
}
