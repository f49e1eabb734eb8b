import Database from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS } from '@meals/sqlite-support';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  ThreadReplayOptions,
} from '../event-store.port.js';
import { validateAppend } from '../shared/validate-append.js';
import { CommitThread } from './commit-thread.js';
import { GroupCommitWriter } from './group-commit-writer.js';
import type { SerializedEvent } from './sqlite-batch-writer.js';
import { SqliteAllSubscription } from './sqlite-all-subscription.js';
import { SqliteEventReader } from './sqlite-event-reader.js';
import { replayOnThread } from './replay-thread.js';
import { applyDurablePragmas, ensureEventsSchema } from './sqlite-schema.js';

export interface SqliteEventStoreOptions {
  /** database file; created when missing */
  path: string;
  /** how often live subscriptions look for appends made by other processes; default 50 ms */
  pollIntervalMs?: number;
  /** how long a writer waits for another process's write lock; default 5000 ms */
  busyTimeoutMs?: number;
}

/** Opens (and creates if needed) the embedded event store. Several instances/processes may share one file. */
export function openSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  return new SqliteEventStore(options);
}

/**
 * Embedded event store on one SQLite file: WAL, synchronous=FULL, group commit. Reads run
 * on the caller's connection; writes go to a commit thread with a connection of its own
 * (see GroupCommitWriter), and WAL lets the reads see every committed append at once.
 */
export class SqliteEventStore implements EventStore {
  /** the database file (a replay may read it on a connection of its own: SqliteReplayReader) */
  readonly path: string;
  /** the events table has a UNIQUE event_id */
  readonly detectsIdsInOtherStreams = true;
  private readonly db: Database.Database;
  private readonly reader: SqliteEventReader;
  private readonly commitThread: CommitThread;
  private readonly writer: GroupCommitWriter;
  private readonly pollIntervalMs: number;
  private readonly appendListeners = new Set<() => void>();
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(options: SqliteEventStoreOptions) {
    this.path = options.path;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    this.db = new Database(options.path, { timeout: busyTimeoutMs });
    try {
      applyDurablePragmas(this.db, busyTimeoutMs);
      ensureEventsSchema(this.db);
      this.reader = new SqliteEventReader(this.db);
      this.commitThread = new CommitThread({ path: options.path, busyTimeoutMs });
      this.writer = new GroupCommitWriter(this.commitThread, () => this.notifyAppended());
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    const expected = options?.expectedRevision ?? 'any';
    let serialized: SerializedEvent[];
    try {
      this.assertOpen();
      validateAppend(streamId, events, expected);
      serialized = events.map((event) => ({
        id: event.id,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata ?? {}),
      }));
    } catch (error) {
      return Promise.reject(error);
    }
    return this.writer.enqueue(streamId, serialized, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.reader.readStream(streamId, options?.fromRevision ?? 0n, options?.maxCount);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.reader.readAll(options.after ?? -1n, options.maxCount);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    this.assertOpen();
    const subscription = new SqliteAllSubscription(
      {
        readPage: (after, maxCount) => this.reader.readAll(after, maxCount),
        onAppended: (wake) => {
          this.appendListeners.add(wake);
          return () => {
            this.appendListeners.delete(wake);
            this.subscriptions.delete(subscription);
          };
        },
      },
      options?.after,
      this.pollIntervalMs,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Writes every append still queued (new ones are refused), ends all subscriptions, closes the file. */
  /** The file replayed by SqliteReplayReader on a thread of its own (see replayOnThread). */
  replayOnThread<T>(options: ThreadReplayOptions): AsyncIterable<T> {
    return replayOnThread<T>({ ...options, path: this.path });
  }

  close(): Promise<void> {
    this.closing ??= this.closeNow();
    return this.closing;
  }

  private async closeNow(): Promise<void> {
    this.closed = true;
    await this.writer.drain();
    await this.commitThread.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  private notifyAppended(): void {
    for (const wake of this.appendListeners) wake();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('SqliteEventStore is closed');
  }
}
