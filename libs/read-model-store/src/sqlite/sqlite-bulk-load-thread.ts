import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { Change, Checkpoint, CollectionSpec, Doc, Query, ReadModelStore } from '../read-model-store.port.js';
import {
  decodeError,
  type BulkLoadAnswer,
  type BulkLoadCall,
  type BulkLoadWorkerData,
} from './bulk-load-thread-protocol.js';
import { serializeChanges } from './serialized-change.js';
import { startThread } from '@meals/threads';

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A bulk-load store (`openSqliteReadModelStore({ bulkLoad: true })`) that runs on a thread
 * of its own: `commit` serialises the documents on the caller's thread, then the writing,
 * and at `close` the index builds, happen on the other thread while the caller goes on
 * (folding the next events, in a rebuild). Calls are carried out in the order made.
 */
export class SqliteBulkLoadThread implements ReadModelStore {
  private readonly waiting: Waiter[] = [];
  private readonly exited: Promise<void>;
  /** set when the thread has ended: every later call fails with it */
  private ended: Error | null = null;
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', (answer: BulkLoadAnswer) => this.answer(answer));
    worker.on('error', (error) => this.end(error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        this.end(new Error(`the read-model bulk-load thread exited (code ${code})`));
        resolve();
      }),
    );
  }

  /** Starts the thread and opens `path` there (see SqliteReadModelStoreOptions.bulkLoad). */
  static async open(path: string): Promise<SqliteBulkLoadThread> {
    const store = new SqliteBulkLoadThread(
      startThread(new URL('./bulk-load-worker.js', import.meta.url), { path } satisfies BulkLoadWorkerData),
    );
    try {
      await store.call({ method: 'ensureCollections', args: [[]] }); // the file opened
    } catch (error) {
      await store.worker.terminate();
      throw error;
    }
    return store;
  }

  async ensureCollections(specs: CollectionSpec[]): Promise<void> {
    await this.call({ method: 'ensureCollections', args: [specs] });
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.call({ method: 'get', args: [collection, id] }) as Promise<T | null>;
  }

  getMany<T extends Doc = Doc>(collection: string, ids: string[]): Promise<Map<string, T>> {
    return this.call({ method: 'getMany', args: [collection, ids] }) as Promise<Map<string, T>>;
  }

  find<T extends Doc = Doc>(collection: string, query?: Query): Promise<T[]> {
    return this.call({ method: 'find', args: [collection, query] }) as Promise<T[]>;
  }

  count(collection: string, query?: Pick<Query, 'where' | 'range'>): Promise<number> {
    return this.call({ method: 'count', args: [collection, query] }) as Promise<number>;
  }

  /** Resolves once written: a caller may fold on meanwhile, and await it before the next. */
  async commit(changes: Change[], checkpoint?: Checkpoint | readonly Checkpoint[]): Promise<void> {
    await this.call({ method: 'commitSerialized', args: [serializeChanges(changes), checkpoint] });
  }

  /**
   * A port for another thread to send inserts on directly (EncodedInserts, e.g. from
   * InsertsEncoder, buffers transferred), applied as they arrive, each batch in a transaction
   * of its own. Transfer the port to the producing thread, which closes it when done (or
   * exits): the final `ensureCollections` and `close` wait for that.
   */
  async insertFeed(): Promise<MessagePort> {
    const { port1, port2 } = new MessageChannel();
    await this.call({ method: 'attachInsertFeed', args: [], feed: port2 }, [port2]);
    return port1;
  }

  getCheckpoint(name: string): Promise<string | null> {
    return this.call({ method: 'getCheckpoint', args: [name] }) as Promise<string | null>;
  }

  async clear(collections: string[], checkpoints?: string[]): Promise<void> {
    await this.call({ method: 'clear', args: [collections, checkpoints] });
  }

  /** Builds the deferred indexes, closes the file and ends the thread. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.worker.ref(); // until it has exited
      if (!this.ended) await this.call({ method: 'close', args: [] });
      await this.exited;
    })();
    return this.closing;
  }

  private call(call: BulkLoadCall, transfer: MessagePort[] = []): Promise<unknown> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.ref();
      this.worker.postMessage(call, transfer);
    });
  }

  private answer(answer: BulkLoadAnswer): void {
    const waiter = this.waiting.shift();
    if (this.waiting.length === 0 && !this.closing) this.worker.unref();
    if (answer.ok) waiter?.resolve(answer.value);
    else waiter?.reject(decodeError(answer.error));
  }

  private end(error: Error): void {
    this.ended ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }
}

/** SqliteBulkLoadThread.open */
export function openSqliteBulkLoadThread(options: { path: string }): Promise<SqliteBulkLoadThread> {
  return SqliteBulkLoadThread.open(options.path);
}
