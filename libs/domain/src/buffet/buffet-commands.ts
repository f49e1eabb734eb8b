import type { BuffetItemContent } from '../buffet-events.js';

/* Every command names the school whose assortment it changes: the app loads `buffet-<schoolId>`. */

/** A new item of the school's assortment; adding the same id with the same content again changes nothing. */
export interface AddBuffetItem extends BuffetItemContent {
  type: 'AddBuffetItem';
  schoolId: string;
  itemId: string;
}

/** The item's new content, all of it (a price change, taking it off sale, marking it favourite…). */
export interface ChangeBuffetItem extends BuffetItemContent {
  type: 'ChangeBuffetItem';
  schoolId: string;
  itemId: string;
}

export type BuffetCommand = AddBuffetItem | ChangeBuffetItem;
