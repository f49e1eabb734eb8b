/**
 * The buffet assortment of a school, stream `buffet-<schoolId>`: what its tills sell.
 * Each event carries the item's whole content, so a reader needs no earlier event of the item.
 * Prices are integer kopecks per piece.
 */
import type { Kopecks } from './money.js';

export interface BuffetItemContent {
  name: string;
  price: Kopecks;
  /** free text the till groups by, e.g. «Выпечка» */
  category: string;
  /** offered at the tills */
  active: boolean;
  /** shown first on the till screen */
  favourite: boolean;
}

export interface BuffetItemAdded {
  type: 'buffet.item-added.v1';
  data: { schoolId: string; itemId: string } & BuffetItemContent;
}

export interface BuffetItemChanged {
  type: 'buffet.item-changed.v1';
  data: { schoolId: string; itemId: string } & BuffetItemContent;
}

export type BuffetEvent = BuffetItemAdded | BuffetItemChanged;

export const buffetStreamId = (schoolId: string): string => `buffet-${schoolId}`;
