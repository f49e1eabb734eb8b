/**
 * A card was read: who is it? The ledger answers when reachable (and the answer is cached
 * for offline use); offline, the till's last known details of the card are used. The
 * balance available offline is the last known one minus the checks still queued.
 */
import { cashierMessage, isRefusal } from '../ledger/ledger-failure.js';
import { BLOCK_REASON_TEXT, type TillLedger } from '../ledger/till-ledger.js';
import type { LinkState } from '../link-state.js';
import type { TillStore } from '../store/till-store.js';
import type { CachedCard } from '../store/till-records.js';
import { refused, type Outcome } from './outcome.js';

export interface CardView {
  cardUid: string;
  accountNumber: string;
  fullName: string;
  className: string;
  /** kopecks the pupil has, as far as the till knows (queued checks deducted) */
  balance: number;
  cardStatus: CachedCard['cardStatus'];
  /** why a blocked card is blocked, in Russian */
  blockedReason: string | null;
  accountStatus: CachedCard['accountStatus'];
  /** kopecks below zero an offline sale may take this pupil */
  offlineLimit: number;
  /** 'cache': the ledger could not be asked; details as of `asOf` */
  source: 'ledger' | 'cache';
  asOf: string;
}

export class CardDesk {
  constructor(
    private readonly store: TillStore,
    private readonly ledger: TillLedger,
    private readonly link: LinkState,
  ) {}

  async read(cardUid: string): Promise<Outcome<{ card: CardView }>> {
    try {
      const found = await this.link.track(() => this.ledger.lookupCard(cardUid));
      const cached = this.store.rememberCard({
        cardUid: found.cardUid,
        accountNumber: found.accountNumber,
        fullName: found.fullName,
        className: found.className,
        schoolId: found.schoolId,
        balance: found.balance,
        cardStatus: found.cardStatus,
        blockReason: found.blockReason,
        accountStatus: found.accountStatus,
        offlineLimit: found.offlineLimit,
      });
      return { ok: true, card: view(cached, 'ledger') };
    } catch (error) {
      if (isRefusal(error)) return refused(error.code, cardRefusalText(error.code, error.messageRu));
      const cached = this.store.card(cardUid);
      if (!cached)
        return refused(
          'unknown_offline',
          'Нет связи с сервером, а эта карта на кассе ещё не встречалась: продажа невозможна',
        );
      return { ok: true, card: view(cached, 'cache') };
    }
  }

  /** The card as the till last knew it (no ledger call); 'ledger' when that is the ledger's latest answer. */
  known(cardUid: string, source: CardView['source'] = 'cache'): CardView | null {
    const cached = this.store.card(cardUid);
    return cached ? view(cached, source) : null;
  }
}

function view(card: CachedCard, source: CardView['source']): CardView {
  return {
    cardUid: card.cardUid,
    accountNumber: card.accountNumber,
    fullName: card.fullName,
    className: card.className,
    balance: card.balance - card.offlineSpent,
    cardStatus: card.cardStatus,
    blockedReason: card.blockReason ? (BLOCK_REASON_TEXT[card.blockReason] ?? card.blockReason) : null,
    accountStatus: card.accountStatus,
    offlineLimit: card.offlineLimit,
    source,
    asOf: card.updatedAt,
  };
}

function cardRefusalText(code: string, messageRu: string): string {
  if (code === 'unknown_card' || code === 'card_not_found') return 'Карта не найдена: её нет в системе';
  return messageRu || cashierMessage(undefined);
}
