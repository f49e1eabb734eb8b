import { TILL_REFUSAL_EVENT_TYPES } from '@meals/domain';
import { collections } from '../collections.js';
import { tillRefusalDocId } from '../documents.js';
import type { ProjectionDefinition } from './projection-definition.js';

/** The offline checks tills reported as refused, for school staff; one document per report. */
export const tillRefusalsProjection: ProjectionDefinition = {
  name: 'till-refusals',
  version: 1,
  eventTypes: TILL_REFUSAL_EVENT_TYPES,
  collections: [collections.tillRefusals],
  writeOnly: [collections.tillRefusals],
  apply(workingSet, { event, occurredAt }) {
    if (event.type !== 'till.refusal-reported.v1') return;
    const { schoolId, checkNumber, items } = event.data;
    const _id = tillRefusalDocId(schoolId, checkNumber);
    workingSet.put(collections.tillRefusals, _id, {
      _id,
      ...event.data,
      items: items.map(({ name, qty, price, amount }) => ({ name, qty, price, amount })),
      reportedAt: occurredAt,
    });
  },
  targets: () => [],
};
