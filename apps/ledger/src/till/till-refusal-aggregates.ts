/** The refused offline checks of a school's tills as the ledger loads and saves them: stream `till-refusals-<schoolId>`. */
import { CommandRunner } from '@meals/command-runner';
import {
  tillRefusalsDecider,
  type TillRefusalCommand,
  type TillRefusalEvent,
  type TillRefusalsState,
} from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { commandMetricsOf } from '../infrastructure/command-metrics.js';
import type { LedgerMetrics } from '../observability/metrics.js';

export class TillRefusalAggregates extends CommandRunner<TillRefusalCommand, TillRefusalsState, TillRefusalEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(tillRefusalsDecider, eventStore, { cacheCapacity: 500, metrics: commandMetricsOf(metrics) });
  }
}
