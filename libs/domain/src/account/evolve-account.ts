import type { AccountEvent } from '../events.js';
import { balanceChange } from '../ledger-effect.js';
import type { Kopecks } from '../money.js';
import { saleFingerprint } from './sale-fingerprint.js';
import {
  initialAccountState,
  type AccountState,
  type CardStatus,
  type SeenCheck,
  type SeenCorrection,
  type SeenTopUp,
  type SeenTransferIn,
  type SeenTransferOut,
} from './account-state.js';

/** A private, mutable copy of a state: evolving event by event without copying maps each time. */
interface AccountDraft extends Omit<AccountState, 'cards' | 'topUps' | 'checks' | 'corrections' | 'refunds' | 'transfersIn' | 'transfersOut'> {
  cards: Map<string, CardStatus>;
  topUps: Map<string, SeenTopUp>;
  checks: Map<string, SeenCheck>;
  corrections: Map<string, SeenCorrection>;
  refunds: Map<string, Kopecks>;
  transfersIn: Map<string, SeenTransferIn>;
  transfersOut: Map<string, SeenTransferOut>;
}

const draftOf = (state: AccountState): AccountDraft => ({
  ...state,
  cards: new Map(state.cards),
  topUps: new Map(state.topUps),
  checks: new Map(state.checks),
  corrections: new Map(state.corrections),
  refunds: new Map(state.refunds),
  transfersIn: new Map(state.transfersIn),
  transfersOut: new Map(state.transfersOut),
});

function apply(draft: AccountDraft, event: AccountEvent): void {
  draft.balance += balanceChange(event);
  switch (event.type) {
    case 'account.opened.v1': {
      const { accountNumber, schoolId, className, fullName } = event.data;
      Object.assign(draft, { exists: true, accountNumber, status: 'open', schoolId, className, fullName });
      draft.openedAs = { schoolId, className, fullName };
      return;
    }
    case 'account.moved.v1':
      draft.schoolId = event.data.toSchoolId;
      draft.className = event.data.toClassName;
      return;
    case 'account.closed.v1':
      draft.status = 'closed';
      return;
    case 'card.issued.v1':
      draft.cards.set(event.data.cardUid, 'issued');
      draft.currentCardUid = event.data.cardUid;
      return;
    case 'card.activated.v1':
      draft.cards.set(event.data.cardUid, 'active');
      return;
    case 'card.blocked.v1':
      draft.cards.set(event.data.cardUid, 'blocked');
      return;
    case 'account.topped-up.v1': {
      const { paymentId, channel, amount, paidAt } = event.data;
      draft.topUps.set(paymentId, { channel, amount, paidAt });
      return;
    }
    case 'account.sale-debited.v1':
      draft.checks.set(event.data.checkNumber, { total: event.data.total, fingerprint: saleFingerprint(event.data) });
      return;
    case 'account.corrected.v1':
      draft.corrections.set(event.data.correctionId, { amount: event.data.amount, reason: event.data.reason });
      return;
    case 'account.refunded.v1':
      draft.refunds.set(event.data.refundId, event.data.amount);
      return;
    case 'account.balance-transferred-out.v1':
      draft.transfersOut.set(event.data.transferId, { toAccountNumber: event.data.toAccountNumber, amount: event.data.amount });
      return;
    case 'account.balance-transferred-in.v1':
      draft.transfersIn.set(event.data.transferId, { fromAccountNumber: event.data.fromAccountNumber, amount: event.data.amount });
      return;
  }
}

/** Applies one event; never throws, never mutates `state`. */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  const draft = draftOf(state);
  apply(draft, event);
  return draft;
}

/** The state after `events`, starting from `from` (which is not mutated). */
export function foldAccount(events: Iterable<AccountEvent>, from: AccountState = initialAccountState): AccountState {
  const draft = draftOf(from);
  for (const event of events) apply(draft, event);
  return draft;
}
