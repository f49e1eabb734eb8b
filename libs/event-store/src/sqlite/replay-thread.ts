import type { Transferable, Worker } from 'node:worker_threads';
import type { ReplayPage } from './sqlite-replay-reader.js';
import { startThread } from '@meals/threads';

/**
 * Work on each page done on the replay thread before the page is handed over, e.g. parsing
 * and preparing what the consumer would otherwise do on its own thread. The module named by
 * `ReplayTransform.module` exports it as `transformReplayPage`.
 */
export type ReplayPageTransform<T, O = unknown> = (page: ReplayPage, options: O) => T;

export interface ReplayTransform {
  /** URL of an ES module exporting `transformReplayPage` (see ReplayPageTransform) */
  module: string;
  /** passed to every call (structured-cloned to the thread; ports in it must be in `transferList`) */
  options?: unknown;
}

export interface ReplayWorkerData {
  path: string;
  metadataField: string;
  pageSize: number;
  transform?: ReplayTransform;
}

export type ToReplayThread = { kind: 'more'; pages: number } | { kind: 'stop' };

export type FromReplayThread =
  /** `events`: how many the page holds; 0 ends the log */
  | { kind: 'page'; page: unknown; events: number }
  | { kind: 'failed'; name: string; message: string; stack: string | undefined };

export interface ReplayOnThreadOptions extends ReplayWorkerData {
  /** pages read ahead of the consumer */
  readAhead: number;
  /** what the transform options carry that must move to the thread, e.g. a MessagePort */
  transferList?: Transferable[];
}

/**
 * The whole log from the start, page by page (SqliteReplayReader), read on a thread of its
 * own up to `readAhead` pages ahead of the consumer, and passed through the `transform` there
 * when one is given (then the pages are what it returns: T). Ends with the last event stored
 * when the last page is read; stopping early (break, throw) ends the thread.
 */
export async function* replayOnThread<T = ReplayPage>(
  options: ReplayOnThreadOptions,
): AsyncGenerator<T, void, undefined> {
  const { readAhead, transferList, ...data } = options;
  const worker: Worker = startThread(
    new URL('./replay-worker.js', import.meta.url),
    data satisfies ReplayWorkerData,
    transferList,
  );
  // tagged, not told apart by instanceof: the thread's errors may come from another realm
  const arrived: ({ page: T; events: number } | { error: unknown })[] = [];
  let wake: (() => void) | null = null;
  const deliver = (item: { page: T; events: number } | { error: unknown }): void => {
    arrived.push(item);
    wake?.();
  };
  worker.on('message', (message: FromReplayThread) => {
    if (message.kind === 'page') return deliver({ page: message.page as T, events: message.events });
    const error = Object.assign(new Error(message.message), { name: message.name });
    if (message.stack) error.stack = `${error.stack ?? ''}\n  on the replay thread: ${message.stack}`;
    deliver({ error });
  });
  worker.on('error', (error) => deliver({ error }));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      deliver({ error: new Error(`the replay thread exited (code ${code}) before the end of the log`) });
      resolve();
    }),
  );
  worker.postMessage({ kind: 'more', pages: readAhead } satisfies ToReplayThread);
  try {
    for (;;) {
      while (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const item = arrived.shift()!;
      if ('error' in item) throw item.error;
      if (item.events === 0) return;
      worker.postMessage({ kind: 'more', pages: 1 } satisfies ToReplayThread);
      yield item.page;
    }
  } finally {
    worker.postMessage({ kind: 'stop' } satisfies ToReplayThread);
    await exited;
  }
}
