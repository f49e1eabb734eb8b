import { formatRoubles } from '@meals/domain';
import { collections } from '../collections.js';
import type { AccountDoc, CardStatusValue } from '../documents.js';
import type { TypedReadModels } from '../typed-read-models.js';

export interface AccountProfileView {
  accountNumber: string;
  fullName: string;
  schoolId: string;
  className: string;
  status: 'open' | 'closed';
  /** kopecks */
  balance: number;
  balanceText: string;
  cardUid: string | null;
  cardStatus: CardStatusValue | null;
  openedAt: string;
}

/** The account's profile and balance; null when no such account. */
export async function accountProfile(
  readModels: TypedReadModels,
  accountNumber: string,
): Promise<AccountProfileView | null> {
  const doc = await readModels.get(collections.accounts, accountNumber);
  return doc && toAccountProfile(doc);
}

export function toAccountProfile(doc: AccountDoc): AccountProfileView {
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
