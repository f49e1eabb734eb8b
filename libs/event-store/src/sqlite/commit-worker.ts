/**
 * The commit thread: owns the event store's writing connection, so that a transaction's
 * inserts, its fsync (synchronous=FULL) and WAL checkpoints never block the event loop.
 * Group commit happens here: when a transaction is done, every chunk of appends that
 * arrived meanwhile goes into the next one, without waiting for the event loop. Each
 * transaction is answered only after COMMIT returned: an append is acknowledged when it is
 * durable.
 */
import Database from 'better-sqlite3';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import {
  decodeChunk,
  encodeError,
  encodeOutcomes,
  type CommitWorkerData,
  type FromCommitThread,
  type ToCommitThread,
} from './commit-thread-protocol.js';
import { MAX_APPENDS_PER_TRANSACTION, SqliteBatchWriter, type AppendRequest } from './sqlite-batch-writer.js';
import { applyDurablePragmas } from './sqlite-schema.js';

const port = parentPort;
if (!port) throw new Error('commit-worker.js runs as a worker thread only');
const { path, busyTimeoutMs } = workerData as CommitWorkerData;
const db = new Database(path, { timeout: busyTimeoutMs });
applyDurablePragmas(db, busyTimeoutMs);
const writer = new SqliteBatchWriter(db);

/** chunks received and not yet written, in the order sent */
const received: AppendRequest[][] = [];
let closeRequested = false;

port.on('message', (first: ToCommitThread) => {
  take(first);
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port))
    take(next.message as ToCommitThread);
  while (received.length > 0) writeTransaction();
  if (closeRequested) {
    db.close();
    port.postMessage({ kind: 'closed' } satisfies FromCommitThread);
    port.close();
  }
});

function take(message: ToCommitThread): void {
  if (message.kind === 'close') closeRequested = true;
  else received.push(decodeChunk(message.chunk));
}

/** Writes the next chunks, whole, up to MAX_APPENDS_PER_TRANSACTION appends (at least one chunk). */
function writeTransaction(): void {
  let chunks = 1;
  let appends = received[0]!.length;
  while (chunks < received.length && appends + received[chunks]!.length <= MAX_APPENDS_PER_TRANSACTION) {
    appends += received[chunks]!.length;
    chunks++;
  }
  const taken = received.splice(0, chunks);
  let answer: FromCommitThread;
  try {
    const outcomes = writer.write(taken.flat());
    let from = 0;
    answer = {
      kind: 'written',
      outcomes: taken.map((chunk) => encodeOutcomes(outcomes.slice(from, (from += chunk.length)))),
    };
  } catch (error) {
    answer = { kind: 'failed', chunks, failure: encodeError(error) };
  }
  port!.postMessage(answer);
}
