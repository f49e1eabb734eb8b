/**
 * The commit thread: owns the event store's writing connection, so that a transaction's
 * inserts, its fsync (synchronous=FULL) and WAL checkpoints never block the event loop.
 * It writes one batch per message and answers only after COMMIT returned: an append is
 * acknowledged when it is durable.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { encodeError, encodeOutcome, type CommitWorkerData, type FromCommitThread, type ToCommitThread } from './commit-thread-protocol.js';
import { SqliteBatchWriter } from './sqlite-batch-writer.js';
import { applyDurablePragmas } from './sqlite-schema.js';

const port = parentPort;
if (!port) throw new Error('commit-worker.js runs as a worker thread only');
const { path, busyTimeoutMs } = workerData as CommitWorkerData;
const db = new Database(path, { timeout: busyTimeoutMs });
applyDurablePragmas(db);
const writer = new SqliteBatchWriter(db);

port.on('message', (message: ToCommitThread) => {
  let answer: FromCommitThread;
  if (message.kind === 'close') {
    db.close();
    answer = { kind: 'closed' };
    port.postMessage(answer);
    port.close();
    return;
  }
  try {
    answer = { kind: 'written', outcomes: writer.write(message.batch).map(encodeOutcome) };
  } catch (error) {
    answer = { kind: 'failed', failure: encodeError(error) };
  }
  port.postMessage(answer);
});
