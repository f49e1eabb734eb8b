import type { AccountEvent } from '@meals/domain';
import type { AccountDoc, CardDoc } from '../documents.js';

/**
 * The card an account event changes: the card named by a card event, or on a move the
 * account's current card (earlier, replaced cards keep the school they had).
 */
export function affectedCardUid(event: AccountEvent, account: AccountDoc | null): string | null {
  switch (event.type) {
    case 'card.issued.v1':
    case 'card.activated.v1':
    case 'card.blocked.v1':
      return event.data.cardUid;
    case 'account.moved.v1':
      return account?.cardUid ?? null;
    default:
      return null;
  }
}

/** The `cards` document after the event; `account` is the account before it. */
export function evolveCardDoc(card: CardDoc | null, event: AccountEvent, account: AccountDoc | null): CardDoc | null {
  switch (event.type) {
    case 'card.issued.v1': {
      const { cardUid, accountNumber } = event.data;
      return {
        _id: cardUid,
        cardUid,
        accountNumber,
        schoolId: account?.schoolId ?? '',
        status: 'issued',
        blockReason: null,
      };
    }
    case 'card.activated.v1':
      return card && { ...card, status: 'active' };
    case 'card.blocked.v1':
      return card && { ...card, status: 'blocked', blockReason: event.data.reason };
    case 'account.moved.v1':
      return card && { ...card, schoolId: event.data.toSchoolId };
    default:
      return card;
  }
}
