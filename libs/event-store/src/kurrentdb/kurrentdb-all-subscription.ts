import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { AllSubscription, RecordedEvent, SubscriptionItem } from '../event-store.port.js';
import { isSystemEvent, toRecordedEvent } from './kurrentdb-mapping.js';

/** A page of $all as the adapter reads it (system events already skipped). */
export interface AllPage {
  events: RecordedEvent[];
  /** position of the last record looked at, system events included */
  lastSeen: bigint | undefined;
  /** nothing more is stored after this page */
  reachedEnd: boolean;
}

export interface KurrentDbSubscriptionSource {
  readAllPage(after: bigint | undefined, maxCount: number): Promise<AllPage>;
  /** a server subscription delivering events strictly after `after` (from the start when undefined) */
  subscribeAfter(after: bigint | undefined): AllStreamSubscription;
  onStopped(subscription: KurrentDbAllSubscription): void;
}

/**
 * Read-then-subscribe catch-up: replays history page by page with readAll (bounded memory,
 * the consumer's pace), emits `caughtUp` when a page reaches the end of the log, then opens a
 * server subscription from the last position seen (exclusive) for live events. This does not
 * depend on the server's own caught-up messages (only sent by recent servers). In live mode
 * `caughtUp` is emitted again whenever everything received so far has been delivered.
 */
export class KurrentDbAllSubscription implements AllSubscription, AsyncIterator<SubscriptionItem> {
  private checkpoint: bigint | null;
  /** last position seen in $all, system events included: where the live subscription starts */
  private lastSeen: bigint | undefined;
  private page: RecordedEvent[] = [];
  private pageIndex = 0;
  private lastPageReachedEnd = false;
  private replayDone = false;
  private owesCaughtUp = true;
  private live: { subscription: AllStreamSubscription; iterator: AsyncIterator<AllStreamResolvedEvent> } | null = null;
  private stopped = false;
  private readonly stopSignal: Promise<'stopped'>;
  private signalStop: () => void = () => undefined;

  constructor(
    private readonly source: KurrentDbSubscriptionSource,
    after: bigint | undefined,
    private readonly pageSize = 512,
  ) {
    this.checkpoint = after ?? null;
    this.lastSeen = after;
    this.stopSignal = new Promise((resolve) => {
      this.signalStop = () => resolve('stopped');
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    return this;
  }

  async next(): Promise<IteratorResult<SubscriptionItem>> {
    while (!this.stopped) {
      const item = this.replayDone ? await this.nextLive() : await this.nextReplayed();
      if (item) return { done: false, value: item };
    }
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<SubscriptionItem>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.page = [];
    this.signalStop();
    this.source.onStopped(this);
    if (this.live) {
      await this.live.subscription.unsubscribe();
      this.live.subscription.destroy();
    }
  }

  /** null: nothing to hand out yet, loop again */
  private async nextReplayed(): Promise<SubscriptionItem | null> {
    const event = this.page[this.pageIndex];
    if (event !== undefined) {
      this.pageIndex++;
      return this.deliver(event);
    }
    if (this.lastPageReachedEnd) return this.finishReplay();
    const page = await this.source.readAllPage(this.lastSeen, this.pageSize);
    if (this.stopped) return null;
    this.page = page.events;
    this.pageIndex = 0;
    this.lastSeen = page.lastSeen ?? this.lastSeen;
    this.lastPageReachedEnd = page.reachedEnd;
    return null;
  }

  private finishReplay(): SubscriptionItem | null {
    this.replayDone = true;
    this.page = [];
    return this.takeCaughtUp();
  }

  private async nextLive(): Promise<SubscriptionItem | null> {
    const live = (this.live ??= this.openLive());
    if (live.subscription.readableLength === 0) {
      const caughtUp = this.takeCaughtUp();
      if (caughtUp) return caughtUp;
    }
    const received = await Promise.race([live.iterator.next(), this.stopSignal]);
    if (received === 'stopped') return null;
    if (received.done) throw new Error('KurrentDB ended the $all subscription unexpectedly');
    const event = toRecordedEvent(received.value);
    if (!event || isSystemEvent(event.type, event.streamId)) return null;
    if (this.checkpoint !== null && event.position <= this.checkpoint) return null;
    return this.deliver(event);
  }

  private openLive(): { subscription: AllStreamSubscription; iterator: AsyncIterator<AllStreamResolvedEvent> } {
    const subscription = this.source.subscribeAfter(this.lastSeen);
    return { subscription, iterator: subscription[Symbol.asyncIterator]() };
  }

  private deliver(event: RecordedEvent): SubscriptionItem {
    this.checkpoint = event.position;
    this.owesCaughtUp = true;
    return { kind: 'event', event };
  }

  private takeCaughtUp(): SubscriptionItem | null {
    if (!this.owesCaughtUp) return null;
    this.owesCaughtUp = false;
    return { kind: 'caughtUp', position: this.checkpoint };
  }
}
