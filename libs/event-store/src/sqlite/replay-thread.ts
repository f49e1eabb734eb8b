import type { Worker } from 'node:worker_threads';
import type { ReplayPage } from './sqlite-replay-reader.js';
import { startThread } from '@meals/threads';

export interface ReplayWorkerData {
  path: string;
  metadataField: string;
  pageSize: number;
}

export type ToReplayThread = { kind: 'more'; pages: number } | { kind: 'stop' };

export type FromReplayThread =
  | { kind: 'page'; page: ReplayPage }
  | { kind: 'failed'; name: string; message: string; stack: string | undefined };

export interface ReplayOnThreadOptions extends ReplayWorkerData {
  /** pages read ahead of the consumer */
  readAhead: number;
}

/**
 * The whole log from the start, page by page (SqliteReplayReader), read on a thread of its
 * own up to `readAhead` pages ahead of the consumer. Ends with the last event stored when
 * the last page is read; stopping early (break, throw) ends the thread.
 */
export async function* replayOnThread(options: ReplayOnThreadOptions): AsyncGenerator<ReplayPage, void, undefined> {
  const { readAhead, ...data } = options;
  const worker: Worker = startThread(new URL('./replay-worker.js', import.meta.url), data satisfies ReplayWorkerData);
  const arrived: (ReplayPage | Error)[] = [];
  let wake: (() => void) | null = null;
  const deliver = (item: ReplayPage | Error): void => {
    arrived.push(item);
    wake?.();
  };
  worker.on('message', (message: FromReplayThread) => {
    if (message.kind === 'page') return deliver(message.page);
    const error = Object.assign(new Error(message.message), { name: message.name });
    if (message.stack) error.stack = `${error.stack ?? ''}\n  on the replay thread: ${message.stack}`;
    deliver(error);
  });
  worker.on('error', deliver);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      deliver(new Error(`the replay thread exited (code ${code}) before the end of the log`));
      resolve();
    }),
  );
  worker.postMessage({ kind: 'more', pages: readAhead } satisfies ToReplayThread);
  try {
    for (;;) {
      while (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const item = arrived.shift()!;
      if (item instanceof Error) throw item;
      if (item.ids.length === 0) return;
      worker.postMessage({ kind: 'more', pages: 1 } satisfies ToReplayThread);
      yield item;
    }
  } finally {
    worker.postMessage({ kind: 'stop' } satisfies ToReplayThread);
    await exited;
  }
}
