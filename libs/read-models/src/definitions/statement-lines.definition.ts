import type { AccountEvent } from '@meals/domain';
import { collections } from '../collections.js';
import { isAccountEvent } from '@meals/domain';
import { statementLine } from '../projection/statement-lines.projection.js';
import type { ProjectionDefinition } from './projection-definition.js';

/** The money events, each a statement line (see statementEntryKind). */
const MONEY_EVENT_TYPES: readonly AccountEvent['type'][] = [
  'account.topped-up.v1',
  'account.sale-debited.v1',
  'account.corrected.v1',
  'account.refunded.v1',
  'account.balance-transferred-out.v1',
  'account.balance-transferred-in.v1',
  'account.meal-charged.v1',
  'account.meal-charge-reversed.v1',
];

/** One line per money event of an account, with the check's items for a sale; depends on nothing else. */
export const statementLinesProjection: ProjectionDefinition = {
  name: 'statement-lines',
  // 2: meal charges («Табель» lines)
  version: 2,
  eventTypes: MONEY_EVENT_TYPES,
  collections: [collections.statementLines],
  writeOnly: [collections.statementLines],
  apply(workingSet, input) {
    // an embedded rebuild may have written the line already, outside the fold (rebuild-sqlite-file.ts)
    if (input.statementLineWritten || !isAccountEvent(input.event)) return;
    const line = statementLine(input.event, input);
    if (line) workingSet.insert(collections.statementLines, line._id, line);
  },
  targets: () => [],
};
