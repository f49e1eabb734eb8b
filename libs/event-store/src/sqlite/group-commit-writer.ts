import type { AppendResult, ExpectedRevision } from '../event-store.port.js';
import type { CommitThread } from './commit-thread.js';
import {
  MAX_APPENDS_PER_TRANSACTION,
  type AppendOutcome,
  type AppendRequest,
  type SerializedEvent,
} from './sqlite-batch-writer.js';

interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: `append()` only enqueues; the appends of one turn of the event loop travel
 * together to the commit thread, which writes everything that reached it while its
 * previous transaction committed in ONE durable transaction, so the fsync cost is shared.
 * The event loop never waits for the disk, and the commit thread never waits for the event
 * loop between transactions. Each append is acknowledged only when its transaction has
 * committed.
 */
export class GroupCommitWriter {
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly unanswered = new Set<Promise<void>>();

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
    this.flush();
    while (this.unanswered.size > 0) await Promise.all(this.unanswered);
  }

  /**
   * At the end of this turn of the event loop, so that the appends of all the requests it
   * served travel in one message (one per append would cost the event loop more than the
   * commit thread saves).
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const chunk = this.queue.splice(0, MAX_APPENDS_PER_TRANSACTION);
      const requests = chunk.map(({ streamId, events, expected }): AppendRequest => ({ streamId, events, expected }));
      const answered: Promise<void> = this.thread.write(requests).then(
        (outcomes) => this.settle(chunk, outcomes),
        // the transaction as a whole failed (I/O, lock timeout, the thread died): nothing of it is acknowledged
        (error: unknown) =>
          this.settle(
            chunk,
            chunk.map(() => ({ ok: false, error })),
          ),
      );
      this.unanswered.add(answered);
      void answered.then(() => this.unanswered.delete(answered));
    }
  }

  private settle(chunk: PendingAppend[], outcomes: AppendOutcome[]): void {
    chunk.forEach((append, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
  }
}
