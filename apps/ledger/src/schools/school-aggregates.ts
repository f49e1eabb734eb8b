/** The school aggregate as the ledger loads and saves it: stream `school-<schoolId>`. */
import { evolveSchool, foldSchool, initialSchoolState, schoolStreamId, type SchoolEvent, type SchoolState } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { AggregateStore, defineAggregate } from '../infrastructure/aggregate-store.js';

export const SCHOOL_AGGREGATE = defineAggregate<SchoolState, SchoolEvent>({
  streamId: schoolStreamId,
  initialState: initialSchoolState,
  evolve: evolveSchool,
  fold: foldSchool,
  eventTypes: ['school.registered.v1', 'school.pupils-enrolled.v1'],
});

export class SchoolAggregates extends AggregateStore<SchoolState, SchoolEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(SCHOOL_AGGREGATE, eventStore, metrics, 2_000);
  }
}
