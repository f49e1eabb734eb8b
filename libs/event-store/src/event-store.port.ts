/**
 * The event store port: what the ledger and the projections need from an append-only
 * log of streams. Semantics follow KurrentDB so that the SQLite adapter and the
 * KurrentDB adapter are interchangeable (one contract suite proves it).
 */

import type { Transferable } from 'node:worker_threads';

/** JSON value stored as event data or metadata. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Expected state of a stream before an append (optimistic concurrency). */
export type ExpectedRevision =
  | 'any'
  | 'no_stream'
  | 'stream_exists'
  /** exact revision (0-based) of the last event in the stream */
  | bigint;

export interface EventToAppend {
  /** UUID. Appending the same ids to the same stream again is a no-op (idempotency). */
  id: string;
  /** explicit, versioned type name, e.g. `account.topped-up.v1` */
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface RecordedEvent {
  id: string;
  type: string;
  streamId: string;
  /** 0-based position of the event inside its stream */
  revision: bigint;
  /** position in the global log ($all); strictly increasing in commit order */
  position: bigint;
  data: JsonObject;
  metadata: JsonObject;
  /** when the store committed the event */
  recordedAt: Date;
}

export interface AppendResult {
  /** revision of the last event now in the stream */
  nextRevision: bigint;
  /** global position of the last appended event */
  position: bigint;
}

export interface AppendOptions {
  /** default: 'any' */
  expectedRevision?: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** first revision to read, inclusive; default 0 */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** read events with position strictly greater than this; default: from the start */
  after?: bigint;
  /** page size; required so that callers never load the whole log at once */
  maxCount: number;
}

export type SubscriptionItem =
  | { kind: 'event'; event: RecordedEvent }
  /**
   * emitted once every time the subscription has delivered everything stored so far: after
   * the initial replay, and again after each burst of live events. `position` is that of the
   * last event delivered (the checkpoint if none yet; null when there is neither).
   */
  | { kind: 'caughtUp'; position: bigint | null };

export interface SubscribeToAllOptions {
  /** checkpoint: deliver events with position strictly greater than this; default: from the start */
  after?: bigint;
}

/** A catch-up subscription: replays history after the checkpoint, then turns live. */
export interface AllSubscription extends AsyncIterable<SubscriptionItem> {
  /** stops delivery; the iterator then completes */
  stop(): Promise<void>;
}

/** How a store that can replay its log on a thread of its own is asked to (see `replayOnThread`). */
export interface ThreadReplayOptions {
  /** the metadata field each page carries per event (e.g. `occurredAt`) */
  metadataField: string;
  pageSize: number;
  /** pages read ahead of the consumer */
  readAhead: number;
  /**
   * URL of an ES module exporting `transformReplayPage(page, options)`, run on the thread
   * on each page before it is handed over; `options` is structured-cloned to the thread.
   */
  transform?: { module: string; options?: unknown };
  /** what the transform options carry that must move to the thread, e.g. a MessagePort */
  transferList?: Transferable[];
}

export interface EventStore {
  /**
   * True when an event id already stored in ANOTHER stream is refused
   * (IdempotencyConflictError), which makes ids unique across the whole log (SQLite).
   * False where ids are only deduplicated within a stream (KurrentDB): callers that need a
   * key to be unique across streams must claim it themselves.
   */
  readonly detectsIdsInOtherStreams: boolean;
  /**
   * Appends events atomically to one stream.
   * - throws WrongExpectedRevisionError when the stream is not in the expected state;
   * - when every event id was already appended to this stream (a retry), appends nothing
   *   and returns the original result, whatever the expected revision;
   * - throws IdempotencyConflictError when some ids are already stored and others are not,
   *   or an id is stored in another stream.
   */
  append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream in revision order; an empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One page of the global log in position order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /**
   * Optional capability, for a rebuild's speed only (callers check that it is present and
   * fall back to `readAll` pages): the whole log from the start, page by page, read on a
   * thread of its own (the embedded store: SqliteReplayReader pages, or what the transform
   * makes of them). Ends with the last event stored when the last page is read.
   */
  replayOnThread?<T>(options: ThreadReplayOptions): AsyncIterable<T>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** actual revision of the last event, or 'no_stream' */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class IdempotencyConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Stream ${streamId}: event id ${eventId} conflicts with an event already stored`);
    this.name = 'IdempotencyConflictError';
  }
}

/** A write refused for want of disk space: retry once space returns (one type for every adapter). */
export { StorageFullError } from '@meals/sqlite-support';
