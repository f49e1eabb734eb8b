import { BUFFET_EVENT_TYPES } from '@meals/domain';
import { collections } from '../collections.js';
import { buffetItemDocId } from '../documents.js';
import type { ProjectionDefinition } from './projection-definition.js';

/** The schools' buffet items; each event carries the item's whole content, so nothing is read back. */
export const buffetProjection: ProjectionDefinition = {
  name: 'buffet',
  version: 1,
  eventTypes: BUFFET_EVENT_TYPES,
  collections: [collections.buffetItems],
  writeOnly: [collections.buffetItems],
  apply(workingSet, { event }) {
    if (event.type !== 'buffet.item-added.v1' && event.type !== 'buffet.item-changed.v1') return;
    const { schoolId, itemId, name, price, category, active, favourite } = event.data;
    const _id = buffetItemDocId(schoolId, itemId);
    workingSet.put(collections.buffetItems, _id, {
      _id,
      schoolId,
      itemId,
      name,
      price,
      category,
      active,
      favourite,
    });
  },
  targets: () => [],
};
