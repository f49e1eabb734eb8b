import type { AccountEvent, LedgerEvent, LedgerEventType } from '@meals/domain';

/**
 * What the read models know of the domain's event types, in one place: when the domain
 * exports its event catalogue (and `isAccountEvent`), these become re-exports of it.
 */
const ACCOUNT_EVENT_TYPES_BY_NAME: Record<AccountEvent['type'], true> = {
  'account.opened.v1': true,
  'account.moved.v1': true,
  'account.closed.v1': true,
  'card.issued.v1': true,
  'card.activated.v1': true,
  'card.blocked.v1': true,
  'account.topped-up.v1': true,
  'account.sale-debited.v1': true,
  'account.corrected.v1': true,
  'account.refunded.v1': true,
  'account.balance-transferred-out.v1': true,
  'account.balance-transferred-in.v1': true,
};

export const ACCOUNT_EVENT_TYPES = Object.keys(ACCOUNT_EVENT_TYPES_BY_NAME) as readonly AccountEvent['type'][];

const LEDGER_EVENT_TYPES_BY_NAME: Record<LedgerEventType, true> = {
  'school.registered.v1': true,
  'school.pupils-enrolled.v1': true,
  ...ACCOUNT_EVENT_TYPES_BY_NAME,
};

export const isLedgerEventType = (type: string): type is LedgerEventType =>
  Object.hasOwn(LEDGER_EVENT_TYPES_BY_NAME, type);

export const isAccountEvent = (event: LedgerEvent): event is AccountEvent =>
  Object.hasOwn(ACCOUNT_EVENT_TYPES_BY_NAME, event.type);
