/**
 * What the till needs from the ledger: these methods of `@meals/ledger-client`, so the real
 * client is the port's production implementation and a test can put a fake behind it.
 * Refusals arrive as LedgerApiError (4xx); anything else thrown (network, timeout, 5xx)
 * means "not reachable now".
 */
import type { LedgerClient } from '@meals/ledger-client';

export type TillLedger = Pick<
  LedgerClient,
  | 'lookupCard'
  | 'recentOperations'
  | 'buffetAssortment'
  | 'reportTillRefusal'
  | 'issueTemporaryPassword'
  | 'recordSale'
  | 'activateCard'
>;

export type { BuffetItem as AssortmentItem } from '@meals/contracts';

/** Why a card is blocked, for the cashier. */
export const BLOCK_REASON_TEXT: Record<string, string> = {
  lost: 'карта утеряна',
  stolen: 'карта украдена',
  damaged: 'карта повреждена',
};
