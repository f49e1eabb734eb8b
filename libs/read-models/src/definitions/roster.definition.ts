import { collections } from '../collections.js';
import { rosterDocs } from '../projection/roster.projection.js';
import type { ProjectionDefinition } from './projection-definition.js';

/** Every pupil ever enrolled from a school's lists. */
export const rosterProjection: ProjectionDefinition = {
  name: 'roster',
  version: 1,
  eventTypes: ['school.pupils-enrolled.v1'],
  collections: [collections.roster],
  writeOnly: [collections.roster],
  apply(workingSet, { event }) {
    if (event.type !== 'school.pupils-enrolled.v1') return;
    for (const doc of rosterDocs(event)) workingSet.put(collections.roster, doc._id, doc);
  },
  targets: () => [],
};
