import { rmSync } from 'node:fs';
import type { EventStore } from '@meals/event-store';
import {
  assertSqliteFileNotInUse,
  openSqliteBulkLoadThread,
  swapSqliteFile,
  type SqliteBulkLoadThread,
} from '@meals/read-model-store/sqlite';
import { threadModuleUrl } from '@meals/threads';
import { OCCURRED_AT } from '@meals/read-models';
import type { PreparedReplayPage, PrepareReplayPageOptions } from './prepare-replay-page.js';
import { DEFAULT_PAGE_SIZE, replayFromZero, type RebuildOptions, type RebuildResult } from './rebuild-read-models.js';
import { eventStorePages, pageOfInputs, preparedPage, type ReplaySource } from './replay-pages.js';
import { StatementLinesFeed } from './statement-lines-feed.js';

export interface RebuildSqliteFileOptions extends Omit<RebuildOptions, 'readModels' | 'definitions' | 'eventStore'> {
  /** `readAll` pages, or the store's own thread replay when it has that capability (faster) */
  eventStore: Pick<EventStore, 'readAll' | 'replayOnThread'>;
  /** the read-model file to replace, e.g. `$DATA_DIR/read-models.db` */
  path: string;
}

/**
 * The embedded-default rebuild: builds the read models into a fresh file next to `path`
 * (no WAL, synchronous OFF: a crash only loses the half-built file), then renames it over
 * `path` atomically. Refuses to start, and to swap, while another process has `path` open
 * (the ledger or the projections service): stop them first. Until the swap the old read
 * models stay untouched. `durationMs` covers everything up to the swap. From the embedded
 * event store the statement lines reach the file outside the fold's commits (insert feeds,
 * see threadReplayPages): the half-built file is thrown away on any failure, so no reader
 * ever sees them ahead of the checkpoint.
 */
export async function rebuildSqliteReadModelsFile(options: RebuildSqliteFileOptions): Promise<RebuildResult> {
  const { path, eventStore, ...rebuild } = options;
  const started = performance.now();
  assertSqliteFileNotInUse(path);
  const buildPath = `${path}.rebuild`;
  removeDatabaseFiles(buildPath);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const readModels = await openSqliteBulkLoadThread({ path: buildPath });
  const source = eventStore.replayOnThread
    ? threadReplayPages(eventStore.replayOnThread.bind(eventStore), pageSize, readModels)
    : eventStorePages(eventStore, pageSize);
  let result: RebuildResult;
  try {
    result = await replayFromZero(source, { ...rebuild, readModels });
    await readModels.close();
  } catch (error) {
    await readModels.close().catch(() => {});
    removeDatabaseFiles(buildPath);
    throw error;
  }
  swapSqliteFile(buildPath, path);
  return { ...result, durationMs: performance.now() - started };
}

/** pages the replay thread reads ahead of the fold */
const READ_AHEAD_PAGES = 4;

/** How the embedded rebuild reads the log (the bench's scan reference reads it the same way). */
export const REBUILD_LOG_READING = {
  metadataField: OCCURRED_AT,
  pageSize: DEFAULT_PAGE_SIZE,
  readAhead: READ_AHEAD_PAGES,
};

/**
 * Share of the pages whose statement lines the replay thread builds (it also reads the
 * file); the fold builds the others'. Measured on 2 cores: the replay thread alone saturates.
 */
const PREPARED_ON_REPLAY_THREAD = { preparePages: 1, ofPages: 2 };

/**
 * The log read ahead on a thread of the event store's own (its `replayOnThread`
 * capability). The statement lines go straight to the file's writer: the replay thread
 * sends those of a share of the pages (prepare-replay-page.ts), this thread those of the others.
 */
function threadReplayPages(
  replayOnThread: NonNullable<EventStore['replayOnThread']>,
  pageSize: number,
  readModels: SqliteBulkLoadThread,
): ReplaySource {
  return async function* (dates) {
    // opened once the collections are ready: the writer builds no index while a feed is open
    const statementLines = await readModels.insertFeed();
    const ownLines = new StatementLinesFeed(await readModels.insertFeed());
    const pages = replayOnThread<PreparedReplayPage>({
      metadataField: OCCURRED_AT,
      pageSize,
      readAhead: READ_AHEAD_PAGES,
      transform: {
        module: threadModuleUrl(new URL('./prepare-replay-page.js', import.meta.url)).href,
        options: {
          timeZone: dates.timeZone,
          statementLines,
          ...PREPARED_ON_REPLAY_THREAD,
        } satisfies PrepareReplayPageOptions,
      },
      transferList: [statementLines],
    });
    try {
      for await (const page of pages) {
        if (page.statementLinesWritten) yield preparedPage(page, dates);
        else yield pageOfInputs(page, ownLines.send(page, dates));
      }
    } finally {
      ownLines.close();
      statementLines.close(); // when the replay thread never started (it closes the feed itself)
    }
  };
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
