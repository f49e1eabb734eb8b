import type { LedgerEvent } from './events.js';

/** Kinds of statement lines produced by events (meal charges will add 'meal_charge'). */
export type StatementEntryKind = 'top_up' | 'sale' | 'correction' | 'refund' | 'transfer_in' | 'transfer_out';

/** Which statement line an event makes; null for events that move no money. */
export function statementEntryKind(event: LedgerEvent): StatementEntryKind | null {
  switch (event.type) {
    case 'account.topped-up.v1':
      return 'top_up';
    case 'account.sale-debited.v1':
      return 'sale';
    case 'account.corrected.v1':
      return 'correction';
    case 'account.refunded.v1':
      return 'refund';
    case 'account.balance-transferred-in.v1':
      return 'transfer_in';
    case 'account.balance-transferred-out.v1':
      return 'transfer_out';
    default:
      return null;
  }
}
