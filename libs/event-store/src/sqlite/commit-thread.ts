/**
 * The event loop's handle on the commit thread (commit-worker.ts), started on the first
 * write: a store that only reads never starts one. Chunks are answered in the order sent.
 * The thread keeps the process alive only while a chunk or the close is under way. If the
 * thread dies, the chunks it held fail (their appends may or may not be stored, as after
 * a crash: a retry with the same event ids settles it) and the next write starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import {
  decodeError,
  decodeOutcomes,
  encodeChunk,
  type CommitWorkerData,
  type FromCommitThread,
  type ToCommitThread,
} from './commit-thread-protocol.js';
import type { AppendOutcome, AppendRequest } from './sqlite-batch-writer.js';
import { startThread } from '@meals/threads';

interface Waiter {
  resolve(outcomes: AppendOutcome[]): void;
  reject(error: unknown): void;
}

export class CommitThread {
  private worker: Worker | null = null;
  private readonly waiting: Waiter[] = [];
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly data: CommitWorkerData) {}

  /** Sends a chunk of appends at once; it joins the commit thread's next transaction. */
  write(chunk: AppendRequest[]): Promise<AppendOutcome[]> {
    return new Promise<AppendOutcome[]>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = this.worker ?? this.start();
      } catch (error) {
        reject(error);
        return;
      }
      this.waiting.push({ resolve, reject });
      worker.ref();
      worker.postMessage({ kind: 'write', chunk: encodeChunk(chunk) } satisfies ToCommitThread);
    });
  }

  /** Closes the writing connection and ends the thread; call when no write is pending. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker) {
      worker.ref();
      worker.postMessage({ kind: 'close' } satisfies ToCommitThread);
    }
    await this.exited;
  }

  private start(): Worker {
    const worker = startThread(new URL('./commit-worker.js', import.meta.url), this.data);
    this.worker = worker;
    worker.unref();
    worker.on('message', (message: FromCommitThread) => this.answer(message));
    worker.on('error', (error) => this.fail(worker, error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        this.fail(worker, new Error(`the event store's commit thread exited (code ${code})`));
        resolve();
      }),
    );
    return worker;
  }

  private answer(message: FromCommitThread): void {
    if (message.kind === 'closed') return; // the thread ends by itself now ('exit')
    if (message.kind === 'written') {
      for (const outcomes of message.outcomes) this.waiting.shift()?.resolve(decodeOutcomes(outcomes));
    } else {
      const failure = decodeError(message.failure);
      for (let i = 0; i < message.chunks; i++) this.waiting.shift()?.reject(failure);
    }
    if (this.waiting.length === 0) this.worker?.unref();
  }

  private fail(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }
}
