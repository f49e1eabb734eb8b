/**
 * The replay thread: reads the log page by page ahead of the consumer (as many pages as it
 * was granted), so that reading the file (and the transform, if any) overlaps with folding
 * the events.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromReplayThread, ReplayPageTransform, ReplayWorkerData, ToReplayThread } from './replay-thread.js';
import { SqliteReplayReader, type ReplayPage } from './sqlite-replay-reader.js';

const port = parentPort;
if (!port) throw new Error('replay-worker.js runs as a worker thread only');
const { path, metadataField, pageSize, transform } = workerData as ReplayWorkerData;

const transformPage: (page: ReplayPage) => unknown = transform
  ? await loadTransform(transform.module, transform.options)
  : (page) => page;

async function loadTransform(module: string, options: unknown): Promise<(page: ReplayPage) => unknown> {
  const { transformReplayPage } = (await import(module)) as { transformReplayPage?: ReplayPageTransform<unknown> };
  if (typeof transformReplayPage !== 'function') throw new Error(`${module} does not export transformReplayPage`);
  return (page) => transformReplayPage(page, options);
}

let reader: SqliteReplayReader | null = null;
let after = -1n;
let granted = 0;
let scheduled = false;

function send(message: FromReplayThread, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

function finish(): void {
  reader?.close();
  reader = null;
  port!.close();
}

function readNext(): void {
  scheduled = false;
  if (granted <= 0) return;
  granted--;
  try {
    reader ??= new SqliteReplayReader({ path, metadataField });
    const page = reader.readPage(after, pageSize);
    const count = page.ids.length;
    if (count > 0) after = page.positions[count - 1]!;
    send({ kind: 'page', page: transformPage(page), events: count }, [
      page.positions.buffer as ArrayBuffer,
      page.recordedAt.buffer as ArrayBuffer,
    ]);
    if (count === 0) return finish();
  } catch (error) {
    const { name, message, stack } =
      error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
    send({ kind: 'failed', name, message, stack });
    return finish();
  }
  schedule();
}

/** one page per turn of the event loop, so that `stop` and new grants get through */
function schedule(): void {
  if (scheduled || granted <= 0) return;
  scheduled = true;
  setImmediate(readNext);
}

port.on('message', (message: ToReplayThread) => {
  if (message.kind === 'stop') return finish();
  granted += message.pages;
  schedule();
});
