/** The school aggregate as the ledger loads and saves it: stream `school-<schoolId>`. */
import { CommandRunner } from '@meals/command-runner';
import { schoolDecider, type SchoolCommand, type SchoolEvent, type SchoolState } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { commandMetricsOf } from '../infrastructure/command-metrics.js';
import type { LedgerMetrics } from '../observability/metrics.js';

export class SchoolAggregates extends CommandRunner<SchoolCommand, SchoolState, SchoolEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(schoolDecider, eventStore, { cacheCapacity: 2_000, metrics: commandMetricsOf(metrics) });
  }
}
