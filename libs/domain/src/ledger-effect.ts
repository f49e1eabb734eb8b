import type { LedgerEvent } from './events.js';
import type { Kopecks } from './money.js';

export interface LedgerEffect {
  credit: Kopecks;
  debit: Kopecks;
}

const NO_EFFECT: LedgerEffect = Object.freeze({ credit: 0, debit: 0 });

/**
 * Money effect of an event on the account whose stream holds it: the single definition
 * of "balance = credits − debits". Both amounts are >= 0; non-money events give zeros.
 */
export function ledgerEffect(event: LedgerEvent): LedgerEffect {
  switch (event.type) {
    case 'account.topped-up.v1':
      return { credit: event.data.amount, debit: 0 };
    case 'account.sale-debited.v1':
      return { credit: 0, debit: event.data.total };
    case 'account.corrected.v1':
      return event.data.amount >= 0
        ? { credit: event.data.amount, debit: 0 }
        : { credit: 0, debit: -event.data.amount };
    case 'account.refunded.v1':
      return { credit: 0, debit: event.data.amount };
    case 'account.balance-transferred-out.v1':
      return { credit: 0, debit: event.data.amount };
    case 'account.balance-transferred-in.v1':
      return { credit: event.data.amount, debit: 0 };
    case 'account.meal-charged.v1':
      return { credit: 0, debit: event.data.amount };
    case 'account.meal-charge-reversed.v1':
      return { credit: event.data.amount, debit: 0 };
    default:
      return NO_EFFECT;
  }
}

/** credit − debit of one event. */
export const balanceChange = (event: LedgerEvent): Kopecks => {
  const { credit, debit } = ledgerEffect(event);
  return credit - debit;
};
