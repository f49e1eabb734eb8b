import { formatRoubles, type CardBlockReason } from '@meals/domain';
import { collections } from '../collections.js';
import type { CardStatusValue } from '../documents.js';
import type { TypedReadModels } from '../typed-read-models.js';

export interface TillCardView {
  cardUid: string;
  cardStatus: CardStatusValue;
  blockReason: CardBlockReason | null;
  accountNumber: string;
  accountStatus: 'open' | 'closed';
  fullName: string;
  className: string;
  schoolId: string;
  schoolName: string;
  balance: number;
  balanceText: string;
}

/** What a till shows for a card it read: the card's own status and its account's pupil and balance. Null when unknown. */
export async function tillCard(readModels: TypedReadModels, cardUid: string): Promise<TillCardView | null> {
  const card = await readModels.get(collections.cards, cardUid);
  if (!card) return null;
  const account = await readModels.get(collections.accounts, card.accountNumber);
  if (!account) return null;
  const school = await readModels.get(collections.schools, account.schoolId);
  return {
    cardUid,
    cardStatus: card.status,
    // documents written before block reasons were kept have none
    blockReason: card.status === 'blocked' ? (card.blockReason ?? null) : null,
    accountNumber: account.accountNumber,
    accountStatus: account.status,
    fullName: account.fullName,
    className: account.className,
    schoolId: account.schoolId,
    schoolName: school?.name ?? '',
    balance: account.balance,
    balanceText: formatRoubles(account.balance),
  };
}
