/**
 * Runs on the replay thread of an embedded rebuild (replayOnThread's transform): writes the
 * statement lines of a share of the pages there (StatementLinesFeed), so that the fold on the
 * main thread does not build their lines.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ReplayPage, ReplayPageTransform } from '@meals/event-store/sqlite';
import { BusinessDateCache } from '@meals/read-models';
import { StatementLinesFeed } from './statement-lines-feed.js';

export interface PrepareReplayPageOptions {
  timeZone: string;
  /** SqliteBulkLoadThread.insertFeed of the file being built; closed after the last page */
  statementLines: MessagePort;
  /**
   * Pages prepared here out of each `ofPages` (the first ones): the others are left to the
   * main thread, so that the work is shared between the two.
   */
  preparePages: number;
  ofPages: number;
}

/** A replayed page, its statement lines written or not. */
export interface PreparedReplayPage extends ReplayPage {
  statementLinesWritten: boolean;
}

let dates: BusinessDateCache | null = null;
let feed: StatementLinesFeed | null = null;
let pageIndex = 0;

/**
 * Writes the page's statement lines when it is one to prepare here, and hands the page on
 * as it was read: the fold gets every event whole, whatever a read model may read of it.
 */
export const transformReplayPage: ReplayPageTransform<PreparedReplayPage, PrepareReplayPageOptions> = (
  page,
  options,
) => {
  feed ??= new StatementLinesFeed(options.statementLines);
  if (page.ids.length === 0) {
    feed.close(); // the end of the log
    return { ...page, statementLinesWritten: false };
  }
  if (pageIndex++ % options.ofPages >= options.preparePages) return { ...page, statementLinesWritten: false };
  if (dates?.timeZone !== options.timeZone) dates = new BusinessDateCache(options.timeZone);
  feed.send(page, dates);
  return { ...page, statementLinesWritten: true };
};
