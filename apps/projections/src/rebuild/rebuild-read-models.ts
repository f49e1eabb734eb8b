import { DEFAULT_TIME_ZONE } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import type { ReadModelStore } from '@meals/read-model-store';
import { collectionSpec, PROJECTIONS, type ProjectionDefinition } from '@meals/read-models';
import { BatchProjector } from '../projection/batch-projector.js';
import { eventStorePages, type ReplaySource } from './replay-pages.js';

export interface RebuildProgress {
  /** events replayed so far */
  events: number;
  /** global position of the last replayed event */
  position: bigint;
}

export interface RebuildOptions {
  /** only `readAll` is used */
  eventStore: Pick<EventStore, 'readAll'>;
  /** must not be written by a running projection meanwhile */
  readModels: ReadModelStore;
  /** the read models to rebuild; default all (PROJECTIONS). The others keep their documents and checkpoints. */
  definitions?: readonly ProjectionDefinition[];
  timeZone?: string;
  /** events per readAll page; default DEFAULT_PAGE_SIZE */
  pageSize?: number;
  /** events folded into one commit (at least a page); default 20,000 */
  commitSize?: number;
  /** documents remembered between commits before they are read back from the store; default 2,000,000 */
  cacheLimit?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

/** events per page by default (small pages stay in the young generation) */
export const DEFAULT_PAGE_SIZE = 2_000;

export interface RebuildResult {
  events: number;
  position: bigint | null;
  durationMs: number;
}

/**
 * Replays the whole log into the definitions' read models from zero: clears their
 * collections and checkpoints, then applies the log in large commits (documents + checkpoint each), so an
 * interrupted rebuild leaves consistent read models that the live projection can finish.
 * The next events are folded while the store writes the previous commit (when its commit
 * does the writing elsewhere: MongoDB, the SQLite bulk-load thread). The store starts
 * empty, so the fold never asks it for documents it did not write. Secondary indexes are created
 * after the load when the collections did not exist yet (one bulk index build is much
 * cheaper than maintaining them row by row).
 */
export function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  return replayFromZero(eventStorePages(options.eventStore, options.pageSize ?? DEFAULT_PAGE_SIZE), options);
}

/** rebuildReadModels from any source of pages (the embedded rebuild reads the file itself). */
export async function replayFromZero(
  source: ReplaySource,
  options: Omit<RebuildOptions, 'eventStore'>,
): Promise<RebuildResult> {
  const { readModels, onProgress } = options;
  const commitSize = options.commitSize ?? 20_000;
  const started = performance.now();

  const definitions = options.definitions ?? PROJECTIONS;
  const collections = definitions.flatMap((definition) => definition.collections);
  await readModels.ensureCollections(collections.map(({ name }) => ({ name, indexes: [] })));
  await readModels.clear(
    collections.map(({ name }) => name),
    definitions.map(({ name }) => name),
  );

  // The rebuild is the only writer of these collections: remember every document between commits.
  const projector = new BatchProjector(readModels, {
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    definitions,
    cacheLimit: options.cacheLimit ?? 2_000_000,
    startsEmpty: true,
  });
  let writing: Promise<void> = Promise.resolve();
  const commitFolded = async (): Promise<void> => {
    const commit = projector.takeCommit();
    if (!commit) return;
    await writing; // one commit at a time, in order; the first failure stops the rebuild
    writing = readModels.commit(commit.changes, commit.checkpoints);
    writing.catch(() => {}); // awaited (and rethrown) before the next commit or at the end
  };

  let events = 0;
  let folded = 0;
  let position: bigint | null = null;
  for await (const page of source(projector.businessDates)) {
    await projector.foldInputs(page.inputs, page.lastPosition);
    events += page.events;
    folded += page.events;
    position = page.lastPosition;
    if (folded >= commitSize) {
      await commitFolded();
      folded = 0;
      onProgress?.({ events, position });
    }
  }
  await commitFolded();
  await writing;
  if (position !== null) onProgress?.({ events, position });

  await readModels.ensureCollections(collections.map(collectionSpec));
  return { events, position, durationMs: performance.now() - started };
}
