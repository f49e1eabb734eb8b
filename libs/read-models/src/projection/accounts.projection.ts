import { balanceChange, type AccountEvent } from '@meals/domain';
import type { AccountDoc } from '../documents.js';
import type { ProjectionInput } from './projection-input.js';

/** The `accounts` document after an account event (null while the account is unknown). */
export function evolveAccountDoc(
  doc: AccountDoc | null,
  event: AccountEvent,
  input: ProjectionInput,
): AccountDoc | null {
  const lastPosition = input.positionNumber;
  if (event.type === 'account.opened.v1') {
    const { accountNumber, schoolId, className, fullName } = event.data;
    return {
      _id: accountNumber,
      accountNumber,
      schoolId,
      className,
      fullName,
      status: 'open',
      balance: doc?.balance ?? 0,
      cardUid: doc?.cardUid ?? null,
      cardStatus: doc?.cardStatus ?? null,
      openedAt: input.occurredAt,
      lastPosition,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'account.moved.v1':
      return { ...doc, schoolId: event.data.toSchoolId, className: event.data.toClassName, lastPosition };
    case 'account.closed.v1':
      return { ...doc, status: 'closed', lastPosition };
    case 'card.issued.v1':
      return { ...doc, cardUid: event.data.cardUid, cardStatus: 'issued', lastPosition };
    case 'card.activated.v1':
    case 'card.blocked.v1': {
      if (doc.cardUid !== event.data.cardUid) return { ...doc, lastPosition };
      return { ...doc, cardStatus: event.type === 'card.activated.v1' ? 'active' : 'blocked', lastPosition };
    }
    default:
      return { ...doc, balance: doc.balance + balanceChange(event), lastPosition };
  }
}
