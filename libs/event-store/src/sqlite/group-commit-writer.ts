import type { AppendResult, ExpectedRevision } from '../event-store.port.js';
import type { CommitThread } from './commit-thread.js';
import type { AppendOutcome, AppendRequest, SerializedEvent } from './sqlite-batch-writer.js';

interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** bounds one transaction's size (and the message carrying it) under a flood of appends */
const MAX_APPENDS_PER_TRANSACTION = 2000;

/**
 * Group commit: `append()` only enqueues; the commit thread writes everything queued in ONE
 * durable transaction, so the fsync cost is shared. While a transaction commits, the
 * appends that arrive wait for the next one, which is sent as soon as the current one is
 * done; an append that finds the thread idle is sent at once (with whatever else the same
 * tick appends). The event loop never waits for the disk: it keeps taking requests while
 * the thread commits. Each append is acknowledged only when its transaction has committed.
 */
export class GroupCommitWriter {
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly thread: CommitThread,
    private readonly onCommitted: () => void,
  ) {}

  enqueue(streamId: string, events: SerializedEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves once every append queued so far is written (used by close()). */
  async drain(): Promise<void> {
    for (;;) {
      if (this.inFlight) await this.inFlight;
      else if (this.queue.length > 0) this.flush();
      else return;
    }
  }

  /** After the current task's synchronous work, so that the appends it makes travel together. */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, MAX_APPENDS_PER_TRANSACTION);
    const requests = batch.map(({ streamId, events, expected }): AppendRequest => ({ streamId, events, expected }));
    this.inFlight = this.thread.write(requests).then(
      (outcomes) => this.settle(batch, outcomes),
      // the transaction as a whole failed (I/O, lock timeout, the thread died): nothing of it is acknowledged
      (error: unknown) => this.settle(batch, batch.map(() => ({ ok: false, error }))),
    );
  }

  private settle(batch: PendingAppend[], outcomes: AppendOutcome[]): void {
    this.inFlight = null;
    batch.forEach((append, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
    // what arrived during that commit goes now: the thread is idle
    this.flush();
  }
}
