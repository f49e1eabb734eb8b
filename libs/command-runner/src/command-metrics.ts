/** What a command runner reports; the app maps it onto its metrics library (e.g. Prometheus counters). */
export interface CommandMetrics {
  /** a command appended `eventCount` events */
  appended(command: string, eventCount: number): void;
  /** a command changed nothing (mostly a retry of a completed one: idempotency) */
  unchanged(command: string): void;
  /** a business rule refused a command */
  refused(code: string): void;
  /** an append met a concurrent writer and is retried after reloading the stream */
  conflictRetried(): void;
}

export const NO_COMMAND_METRICS: CommandMetrics = {
  appended: () => {},
  unchanged: () => {},
  refused: () => {},
  conflictRetried: () => {},
};
