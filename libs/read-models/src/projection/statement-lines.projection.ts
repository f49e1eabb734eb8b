import { describeEntry, ledgerEffect, statementEntryKind, type AccountEvent } from '@meals/domain';
import type { StatementLineDoc } from '../documents.js';
import type { ProjectionInput } from './projection-input.js';

/** The statement line of a money event (with the check's items for a sale); null otherwise. */
export function statementLine(event: AccountEvent, input: ProjectionInput): StatementLineDoc | null {
  const kind = statementEntryKind(event);
  if (kind === null) return null;
  const { credit, debit } = ledgerEffect(event);
  const sale = event.type === 'account.sale-debited.v1' ? event.data : null;
  return {
    _id: input.eventId,
    accountNumber: event.data.accountNumber,
    at: input.at,
    date: input.date,
    position: input.positionNumber,
    kind,
    description: describeEntry(event),
    debit,
    credit,
    checkNumber: sale?.checkNumber ?? null,
    items: sale ? sale.items.map(({ name, qty, price, amount }) => ({ name, qty, price, amount })) : [],
  };
}
