/**
 * The bulk-load thread: owns the connection of a read-model file being built, so that
 * inserting rows and building indexes never block the event loop that folds the events.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeError, type BulkLoadAnswer, type BulkLoadCall, type BulkLoadWorkerData } from './bulk-load-thread-protocol.js';
import { openSqliteReadModelStore, type SqliteReadModelStore } from './sqlite-read-model-store.js';

const port = parentPort;
if (!port) throw new Error('bulk-load-worker.js runs as a worker thread only');
const { path } = workerData as BulkLoadWorkerData;

const opened: Promise<SqliteReadModelStore> = openSqliteReadModelStore({ path, bulkLoad: true });
/** the calls run one after another; an open failure is the answer to each */
let done: Promise<unknown> = opened.catch(() => {});

port.on('message', (call: BulkLoadCall) => {
  done = done.then(async () => {
    let answer: BulkLoadAnswer;
    try {
      const store = await opened;
      const method = store[call.method] as (...args: unknown[]) => unknown;
      answer = { ok: true, value: await method.apply(store, call.args) };
    } catch (error) {
      answer = { ok: false, error: encodeError(error) };
    }
    port.postMessage(answer);
    if (call.method === 'close') port.close();
  });
});
