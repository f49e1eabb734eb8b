/** A school's buffet assortment as the ledger loads and saves it: stream `buffet-<schoolId>`. */
import { CommandRunner } from '@meals/command-runner';
import { buffetDecider, type BuffetCommand, type BuffetEvent, type BuffetState } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { commandMetricsOf } from '../infrastructure/command-metrics.js';
import type { LedgerMetrics } from '../observability/metrics.js';

export class BuffetAggregates extends CommandRunner<BuffetCommand, BuffetState, BuffetEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(buffetDecider, eventStore, { cacheCapacity: 500, metrics: commandMetricsOf(metrics) });
  }
}
