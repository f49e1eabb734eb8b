/**
 * The bulk-load thread: owns the connection of a read-model file being built, so that
 * inserting rows and building indexes never block the event loop that folds the events.
 * Besides the calls from its owner it takes EncodedInserts straight from other threads
 * (insert feeds), applied as they arrive.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  encodeError,
  type BulkLoadAnswer,
  type BulkLoadCall,
  type BulkLoadWorkerData,
} from './bulk-load-thread-protocol.js';
import type { EncodedInserts } from './encoded-inserts.js';
import { openSqliteReadModelStore, type SqliteReadModelStore } from './sqlite-read-model-store.js';

const port = parentPort;
if (!port) throw new Error('bulk-load-worker.js runs as a worker thread only');
const { path } = workerData as BulkLoadWorkerData;

const opened: Promise<SqliteReadModelStore> = openSqliteReadModelStore({ path, bulkLoad: true });
/** the calls run one after another; an open failure is the answer to each */
let done: Promise<unknown> = opened.catch(() => {});
/** feeds not closed yet: indexes are built, and the file closed, only once they are */
const openFeeds = new Set<Promise<void>>();
/** the first insert from a feed that failed: every later call fails with it */
let feedFailure: { error: unknown } | null = null;

port.on('message', (call: BulkLoadCall) => {
  done = done.then(async () => {
    let answer: BulkLoadAnswer;
    try {
      const store = await opened;
      if (call.method === 'close' || call.method === 'ensureCollections') await Promise.all(openFeeds);
      if (feedFailure) throw feedFailure.error;
      answer = { ok: true, value: await run(store, call) };
    } catch (error) {
      answer = { ok: false, error: encodeError(error) };
    }
    port.postMessage(answer);
    if (call.method === 'close') port.close();
  });
});

function run(store: SqliteReadModelStore, call: BulkLoadCall): unknown {
  if (call.method === 'attachInsertFeed') return attachInsertFeed(store, call.feed);
  const method = store[call.method] as (...args: unknown[]) => unknown;
  return method.apply(store, call.args);
}

function attachInsertFeed(store: SqliteReadModelStore, feed: MessagePort): void {
  const closed = new Promise<void>((resolve) => feed.once('close', resolve));
  openFeeds.add(closed);
  void closed.then(() => openFeeds.delete(closed));
  feed.on('message', (inserts: EncodedInserts) => {
    if (feedFailure) return;
    try {
      store.insertEncoded(inserts);
    } catch (error) {
      feedFailure = { error };
      feed.close();
    }
  });
}
