import type { LedgerEvent } from './events.js';

/** Kinds of statement lines produced by events. */
export type StatementEntryKind =
  'top_up' | 'sale' | 'correction' | 'refund' | 'transfer_in' | 'transfer_out' | 'meal_charge';

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
    // «Табель» lines: a charge and its reversal (a meal with no parents' share moves no money)
    case 'account.meal-charged.v1':
    case 'account.meal-charge-reversed.v1':
      return event.data.amount === 0 ? null : 'meal_charge';
    default:
      return null;
  }
}
