import type { AllStreamSubscription, KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../event-store.port.js';
import { resolveRetry, type StoredEventRef } from '../shared/idempotent-retry.js';
import { validateAppend } from '../shared/validate-append.js';
import { KurrentDbAllSubscription, type AllPage } from './kurrentdb-all-subscription.js';
import { isSystemEvent, toRecordedEvent } from './kurrentdb-mapping.js';

/** The client library, loaded on demand so that the embedded profile never loads gRPC. */
export type KurrentDbClientLibrary = typeof import('@kurrent/kurrentdb-client');

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` */
  connectionString: string;
}

export async function openKurrentDbEventStore(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
  const library = await import('@kurrent/kurrentdb-client');
  return new KurrentDbEventStore(library.KurrentDBClient.connectionString(options.connectionString), library);
}

/**
 * Event store on KurrentDB. Expected revisions map to `streamState`, positions are commit
 * positions of $all, data and metadata are JSON, KurrentDB's own ($-prefixed) events are
 * hidden.
 *
 * Idempotency differs from the port (and from the SQLite adapter) where KurrentDB does:
 * - KurrentDB deduplicates by event id only for retries of the same append. A retry whose
 *   expected revision is now stale is recognised here by reading the stream at the revision
 *   the original append must have landed on; with `any` the server's deduplication is best
 *   effort (recent writes only).
 * - Event ids are not unique across streams in KurrentDB: an id already used in ANOTHER
 *   stream is not detected (no IdempotencyConflictError), and neither is a partial overlap
 *   when the expected revision matches (the server appends the events).
 */
export class KurrentDbEventStore implements EventStore {
  /** see the note above */
  readonly detectsIdsInOtherStreams = false;
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly library: KurrentDbClientLibrary,
  ) {}

  async append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    const expected = options?.expectedRevision ?? 'any';
    validateAppend(streamId, events, expected);
    const payload = events.map((event) =>
      this.library.jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }),
    );
    let result;
    try {
      result = await this.client.appendToStream(streamId, payload, { streamState: expected });
    } catch (error) {
      if (error instanceof this.library.WrongExpectedVersionError) {
        return this.afterWrongExpectedRevision(streamId, events, expected, error.actualState);
      }
      throw error;
    }
    if (!result.success) {
      // only with throwOnAppendFailure=false in the connection string
      return this.afterWrongExpectedRevision(streamId, events, expected, await this.lastRevision(streamId));
    }
    // A single event's commit position is its own. For several events, read the last one
    // back rather than rely on which event the server's reported position belongs to.
    const reported = events.length === 1 ? result.position?.commit : undefined;
    const position = reported ?? (await this.positionOf(streamId, result.nextExpectedRevision));
    return { nextRevision: result.nextExpectedRevision, position };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: options?.fromRevision ?? this.library.START,
        maxCount: options?.maxCount,
      })) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof this.library.StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.readAllPage(options.after, options.maxCount)).events;
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    const subscription = new KurrentDbAllSubscription(
      {
        readAllPage: (after, maxCount) => this.readAllPage(after, maxCount),
        subscribeAfter: (after) => this.subscribeAfter(after),
        onStopped: (stopped) => this.subscriptions.delete(stopped),
      },
      options?.after,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * Up to `maxCount` non-system events after `after`. A read of $all from a position
   * includes the event at that position, hence the skip; system events are skipped on this
   * side, so a page may need several reads.
   */
  private async readAllPage(after: bigint | undefined, maxCount: number): Promise<AllPage> {
    const events: RecordedEvent[] = [];
    let from = after;
    if (maxCount < 1) return { events, lastSeen: from, reachedEnd: false };
    for (;;) {
      const chunkSize = maxCount - events.length + 1;
      let seen = 0;
      let progressed = false;
      for await (const resolved of this.client.readAll({
        fromPosition: from === undefined ? this.library.START : { commit: from, prepare: from },
        maxCount: chunkSize,
      })) {
        seen++;
        const event = toRecordedEvent(resolved);
        if (!event || (from !== undefined && event.position <= from)) continue;
        from = event.position;
        progressed = true;
        if (isSystemEvent(event.type, event.streamId)) continue;
        events.push(event);
        if (events.length === maxCount) break;
      }
      if (events.length === maxCount) return { events, lastSeen: from, reachedEnd: false };
      if (seen < chunkSize || !progressed) return { events, lastSeen: from, reachedEnd: true };
    }
  }

  private subscribeAfter(after: bigint | undefined): AllStreamSubscription {
    // subscription positions are exclusive: delivery starts with the next event
    return this.client.subscribeToAll({
      fromPosition: after === undefined ? this.library.START : { commit: after, prepare: after },
    });
  }

  private async afterWrongExpectedRevision(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
    actual: bigint | 'no_stream',
  ): Promise<AppendResult> {
    const retry = await this.findRetry(streamId, events, expected);
    if (retry) return retry;
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  }

  /** A stale retry: are these ids exactly where the original append (same expected revision) put them? */
  private async findRetry(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | null> {
    const slot = expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : null;
    if (slot === null) return null;
    const stored = await this.readStream(streamId, { fromRevision: slot, maxCount: events.length });
    const refs = events.map((event): StoredEventRef | undefined =>
      stored.find((candidate) => candidate.id === event.id),
    );
    return resolveRetry(
      streamId,
      events.map((event) => event.id),
      refs,
    );
  }

  private async lastRevision(streamId: string): Promise<bigint | 'no_stream'> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: this.library.BACKWARDS,
        fromRevision: this.library.END,
        maxCount: 1,
      })) {
        if (resolved.event) return resolved.event.revision;
      }
    } catch (error) {
      if (!(error instanceof this.library.StreamNotFoundError)) throw error;
    }
    return 'no_stream';
  }

  private async positionOf(streamId: string, revision: bigint): Promise<bigint> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`KurrentDB: event ${revision} of ${streamId} not found right after appending it`);
    return event.position;
  }
}
