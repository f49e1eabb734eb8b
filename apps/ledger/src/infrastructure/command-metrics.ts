/** The command runners' metrics as the ledger's Prometheus counters. */
import type { CommandMetrics } from '@meals/command-runner';
import type { LedgerMetrics } from '../observability/metrics.js';

export const commandMetricsOf = (metrics: LedgerMetrics): CommandMetrics => ({
  appended: (command, eventCount) => {
    metrics.commandsAppended.inc({ command });
    metrics.eventsAppended.inc(eventCount);
  },
  unchanged: (command) => metrics.unchangedCommands.inc({ command }),
  refused: (code) => metrics.commandsRefused.inc({ code }),
  conflictRetried: () => metrics.conflictsRetried.inc(),
});
