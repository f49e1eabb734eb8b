import type { AllSubscription, RecordedEvent, SubscriptionItem } from '../event-store.port.js';

/** What a subscription needs from the store. */
export interface SubscriptionSource {
  /** one page of events with position > after */
  readPage(after: bigint, maxCount: number): RecordedEvent[];
  /** calls `wake` after every local commit; returns the unregister function */
  onAppended(wake: () => void): () => void;
}

/** Before the first event: strictly below every position. */
const BEFORE_START = -1n;

/**
 * Catch-up subscription over the SQLite log. Reads one page at a time, only when the
 * consumer asks for more (memory is bounded by the page size, the consumer sets the pace).
 * When nothing more is stored it emits `caughtUp` (after the initial replay and again after
 * every live burst), then waits: woken at once by appends of this process, and by polling
 * every `pollIntervalMs` for appends of other processes sharing the file.
 */
export class SqliteAllSubscription implements AllSubscription, AsyncIterator<SubscriptionItem> {
  private checkpoint: bigint | null;
  private page: RecordedEvent[] = [];
  private pageIndex = 0;
  /** true until we have reported being caught up with everything delivered so far */
  private owesCaughtUp = true;
  private stopped = false;
  private wakeWaiter: (() => void) | null = null;
  private readonly unregister: () => void;

  constructor(
    private readonly source: SubscriptionSource,
    after: bigint | undefined,
    private readonly pollIntervalMs: number,
    private readonly pageSize = 512,
  ) {
    this.checkpoint = after ?? null;
    this.unregister = source.onAppended(() => this.wake());
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    return this;
  }

  async next(): Promise<IteratorResult<SubscriptionItem>> {
    while (!this.stopped) {
      const event = this.page[this.pageIndex];
      if (event !== undefined) {
        this.pageIndex++;
        this.checkpoint = event.position;
        this.owesCaughtUp = true;
        return { done: false, value: { kind: 'event', event } };
      }
      this.page = this.source.readPage(this.checkpoint ?? BEFORE_START, this.pageSize);
      this.pageIndex = 0;
      if (this.page.length > 0) continue;
      if (this.owesCaughtUp) {
        this.owesCaughtUp = false;
        return { done: false, value: { kind: 'caughtUp', position: this.checkpoint } };
      }
      await this.waitForAppends();
    }
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<SubscriptionItem>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.page = [];
      this.unregister();
      this.wake();
    }
    return Promise.resolve();
  }

  private waitForAppends(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake(), this.pollIntervalMs);
      this.wakeWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private wake(): void {
    const waiter = this.wakeWaiter;
    this.wakeWaiter = null;
    waiter?.();
  }
}
