/** The school aggregate as the ledger loads and saves it: stream `school-<schoolId>`. */
import { evolveSchool, foldSchool, initialSchoolState, schoolStreamId, type SchoolEvent, type SchoolState } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { AggregateStore, type AggregateDefinition } from '../infrastructure/aggregate-store.js';

const SCHOOL_EVENT_TYPES = new Set<string>(['school.registered.v1', 'school.pupils-enrolled.v1'] satisfies SchoolEvent['type'][]);

export const SCHOOL_AGGREGATE: AggregateDefinition<SchoolState, SchoolEvent> = {
  streamId: schoolStreamId,
  initialState: initialSchoolState,
  evolve: evolveSchool,
  fold: foldSchool,
  isEvent: (type) => SCHOOL_EVENT_TYPES.has(type),
};

export class SchoolAggregates extends AggregateStore<SchoolState, SchoolEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(SCHOOL_AGGREGATE, eventStore, metrics, 2_000);
  }
}
