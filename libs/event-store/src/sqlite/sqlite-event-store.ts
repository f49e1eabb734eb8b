import Database from 'better-sqlite3';
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
} from '../event-store.port.js';
import { validateAppend } from '../shared/validate-append.js';
import { GroupCommitWriter, type SerializedEvent } from './group-commit-writer.js';
import { SqliteAllSubscription } from './sqlite-all-subscription.js';
import { SqliteEventReader } from './sqlite-event-reader.js';
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

/** Embedded event store on one SQLite file: WAL, synchronous=FULL, group commit. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly reader: SqliteEventReader;
  private readonly writer: GroupCommitWriter;
  private readonly pollIntervalMs: number;
  private readonly appendListeners = new Set<() => void>();
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      applyDurablePragmas(this.db);
      ensureEventsSchema(this.db);
      this.reader = new SqliteEventReader(this.db);
      this.writer = new GroupCommitWriter(this.db, () => this.notifyAppended());
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

  /** Writes every append still queued, ends all subscriptions, closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.writer.flushAll();
    this.closed = true;
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
