import type { BuffetEvent } from '../buffet-events.js';
import { requireSchoolId } from '../validation.js';
import type { AddBuffetItem, BuffetCommand, ChangeBuffetItem } from './buffet-commands.js';
import { buffetItemExists, buffetItemNotFound, tooManyBuffetItems } from './buffet-errors.js';
import { MAX_BUFFET_ITEMS, requireBuffetItemContent, requireBuffetItemId, sameBuffetContent } from './buffet-item.js';
import type { BuffetState } from './buffet-state.js';

/** Decides what a buffet command records; throws DomainError when a rule refuses it. */
export function decideBuffet(command: BuffetCommand, state: BuffetState): BuffetEvent[] {
  const schoolId = requireSchoolId(command.schoolId);
  if (state.schoolId !== '' && state.schoolId !== schoolId) {
    throw new Error(`command for the buffet of school ${schoolId} decided on the buffet of school ${state.schoolId}`);
  }
  switch (command.type) {
    case 'AddBuffetItem':
      return decideAddItem(command, schoolId, state);
    case 'ChangeBuffetItem':
      return decideChangeItem(command, schoolId, state);
  }
}

/** A new item; the same id again with the same content is a retry (nothing new), with other content a conflict. */
function decideAddItem(command: AddBuffetItem, schoolId: string, state: BuffetState): BuffetEvent[] {
  const itemId = requireBuffetItemId(command.itemId);
  const content = requireBuffetItemContent(command);
  const known = state.items.get(itemId);
  if (known) {
    if (sameBuffetContent(known, content)) return [];
    throw buffetItemExists(itemId);
  }
  if (state.items.size >= MAX_BUFFET_ITEMS) throw tooManyBuffetItems(MAX_BUFFET_ITEMS);
  return [{ type: 'buffet.item-added.v1', data: { schoolId, itemId, ...content } }];
}

/** Only an existing item changes; the content it has already changes nothing. */
function decideChangeItem(command: ChangeBuffetItem, schoolId: string, state: BuffetState): BuffetEvent[] {
  const itemId = requireBuffetItemId(command.itemId);
  const content = requireBuffetItemContent(command);
  const known = state.items.get(itemId);
  if (!known) throw buffetItemNotFound(itemId);
  if (sameBuffetContent(known, content)) return [];
  return [{ type: 'buffet.item-changed.v1', data: { schoolId, itemId, ...content } }];
}
