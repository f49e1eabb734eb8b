/**
 * Runs on the replay thread of an embedded rebuild (replayOnThread's transform): builds each
 * event's statement line there and sends it, UTF-8 encoded, straight to the thread that
 * writes the read-model file (its insert feed). The fold on the main thread then neither
 * parses the checks' items nor serialises or passes on the lines, which are most of a
 * rebuild's bytes.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ReplayPage, ReplayPageTransform } from '@meals/event-store';
import { encodedInsertsTransfer, InsertsEncoder } from '@meals/read-model-store';
import { BusinessDateCache } from '../projection/business-date-cache.js';
import { isAccountEvent } from '../projection/event-targets.js';
import { statementLine } from '../projection/statement-lines.projection.js';
import { STATEMENT_LINES } from '../read-models.js';
import { replayedInput } from './replay-pages.js';

export interface PrepareReplayPageOptions {
  timeZone: string;
  /** SqliteBulkLoadThread.insertFeed of the file being built; closed after the last page */
  statementLines: MessagePort;
  /**
   * Pages prepared here out of each `ofPages` (the first ones): the others are left to the
   * fold, so that the work is shared between this thread and the main one.
   */
  preparePages: number;
  ofPages: number;
}

/** A replayed page, its statement lines written or not. */
export interface PreparedReplayPage extends ReplayPage {
  statementLinesWritten: boolean;
}

let dates: BusinessDateCache | null = null;
const lines = new InsertsEncoder(STATEMENT_LINES);
let pageIndex = 0;

/**
 * Sends the page's statement lines to the writer and hands the page on with each sale's
 * data without its items (`items: []`): only the statement line reads them.
 */
export const transformReplayPage: ReplayPageTransform<PreparedReplayPage, PrepareReplayPageOptions> = (page, options) => {
  if (page.ids.length === 0) {
    options.statementLines.close(); // the end of the log
    return { ...page, statementLinesWritten: false };
  }
  if (pageIndex++ % options.ofPages >= options.preparePages) return { ...page, statementLinesWritten: false };
  if (dates?.timeZone !== options.timeZone) dates = new BusinessDateCache(options.timeZone);
  for (let i = 0; i < page.ids.length; i++) {
    const input = replayedInput(page, i, dates);
    const line = input && isAccountEvent(input.event) ? statementLine(input.event, input) : null;
    if (!line) continue;
    lines.add(line._id, JSON.stringify(line));
    if (input!.event.type === 'account.sale-debited.v1') page.data[i] = JSON.stringify({ ...input!.event.data, items: [] });
  }
  const encoded = lines.take();
  if (encoded) options.statementLines.postMessage(encoded, encodedInsertsTransfer(encoded));
  return { ...page, statementLinesWritten: true };
};
