/**
 * Prometheus metrics of one ledger instance. A registry per app (not prom-client's
 * global one) so that several apps in one test process do not collide.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class LedgerMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly commandsAppended = new Counter({
    name: 'ledger_commands_appended_total',
    help: 'Commands whose events were appended, by command',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'ledger_events_appended_total',
    help: 'Events appended to the event store',
    registers: [this.registry],
  });

  readonly unchangedCommands = new Counter({
    name: 'ledger_commands_unchanged_total',
    help: 'Commands that changed nothing (mostly retries of completed ones: idempotency), by command',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  readonly conflictsRetried = new Counter({
    name: 'ledger_append_conflicts_retried_total',
    help: 'Appends that met a concurrent writer and were retried after reloading the stream',
    registers: [this.registry],
  });

  readonly commandsRefused = new Counter({
    name: 'ledger_commands_refused_total',
    help: 'Commands refused by a business rule, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly logLinesDropped = new Counter({
    name: 'ledger_log_lines_dropped_total',
    help: 'Log lines that could not be written (disk full) and were dropped',
    registers: [this.registry],
  });

  readonly storageFullRefusals = new Counter({
    name: 'ledger_storage_full_refusals_total',
    help: 'Requests refused with 503 storage_full because a store could not write for want of disk space',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'ledger_' });
  }
}
