import { CARD_BLOCK_REASONS, type AccountEvent } from '../events.js';
import { requireCardUid, requireId, requireSchoolId } from '../validation.js';
import type { ActivateCard, BlockCard, IssueReplacementCard } from './account-commands.js';
import { cardBlocked, cardExists, invalidBlockReason, unknownCard } from './account-errors.js';
import { requireExistingAccount, requireOpenAccount, requireTillOfAccountSchool } from './account-rules.js';
import type { AccountState } from './account-state.js';

/**
 * Re-issues the account's card. The old card must never pay again, so a card that is not
 * blocked yet (the pupil brought it back worn out) is blocked as 'damaged' first; lost or
 * stolen cards are blocked with that reason beforehand by BlockCard. The new card starts
 * 'issued' and is activated at a till like the first one. Re-sending the same new uid changes nothing.
 */
export function decideIssueReplacementCard(command: IssueReplacementCard, state: AccountState): AccountEvent[] {
  const newCardUid = requireCardUid(command.newCardUid, 'newCardUid');
  requireExistingAccount(state, command.accountNumber);
  if (state.currentCardUid === newCardUid) return [];
  requireOpenAccount(state);
  if (state.cards.has(newCardUid)) throw cardExists(newCardUid);

  const { accountNumber, currentCardUid } = state;
  const blockOld: AccountEvent[] =
    currentCardUid !== null && state.cards.get(currentCardUid) !== 'blocked'
      ? [{ type: 'card.blocked.v1', data: { accountNumber, cardUid: currentCardUid, reason: 'damaged' } }]
      : [];
  return [
    ...blockOld,
    { type: 'card.issued.v1', data: { accountNumber, cardUid: newCardUid, replacesCardUid: currentCardUid } },
  ];
}

/** A card starts paying once a till of the pupil's school activates it; activating again changes nothing. */
export function decideActivateCard(command: ActivateCard, state: AccountState): AccountEvent[] {
  const cardUid = requireCardUid(command.cardUid);
  const tillId = requireId(command.tillId, 'tillId');
  const tillSchoolId = requireSchoolId(command.tillSchoolId, 'tillSchoolId');
  requireExistingAccount(state, command.accountNumber);
  requireTillOfAccountSchool(state, tillSchoolId);
  const status = state.cards.get(cardUid);
  if (status === undefined) throw unknownCard(cardUid);
  if (status === 'active') return [];
  requireOpenAccount(state);
  if (status === 'blocked') throw cardBlocked(cardUid);
  return [{ type: 'card.activated.v1', data: { accountNumber: state.accountNumber, cardUid, tillId } }];
}

/** A blocked card is refused everywhere, for good; the money stays on the account. Blocking twice changes nothing. */
export function decideBlockCard(command: BlockCard, state: AccountState): AccountEvent[] {
  const cardUid = requireCardUid(command.cardUid);
  if (!CARD_BLOCK_REASONS.includes(command.reason)) throw invalidBlockReason();
  requireExistingAccount(state, command.accountNumber);
  const status = state.cards.get(cardUid);
  if (status === undefined) throw unknownCard(cardUid);
  if (status === 'blocked') return [];
  requireOpenAccount(state);
  return [{ type: 'card.blocked.v1', data: { accountNumber: state.accountNumber, cardUid, reason: command.reason } }];
}
