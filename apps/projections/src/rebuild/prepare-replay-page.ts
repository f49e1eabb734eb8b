/**
 * Runs on the replay thread of an embedded rebuild (replayOnThread's transform): builds each
 * event's statement line there, so that the fold on the main thread neither parses the
 * checks' items nor serialises the lines. Most of a rebuild's bytes are statement lines.
 */
import type { ReplayPage, ReplayPageTransform } from '@meals/event-store';
import { BusinessDateCache } from '../projection/business-date-cache.js';
import { isAccountEvent } from '../projection/event-targets.js';
import { statementLine } from '../projection/statement-lines.projection.js';
import { replayedInput } from './replay-pages.js';

export interface PrepareReplayPageOptions {
  timeZone: string;
}

/** A replayed page with its statement lines built. */
export interface PreparedReplayPage extends ReplayPage {
  /** per event: its statement line as stored JSON, null when it has none */
  statementLines: (string | null)[];
}

let dates: BusinessDateCache | null = null;

/**
 * Adds the statement lines. A sale's data then goes on without its items (`items: []`):
 * only the statement line, built here, reads them.
 */
export const transformReplayPage: ReplayPageTransform<PreparedReplayPage, PrepareReplayPageOptions> = (page, options) => {
  if (dates?.timeZone !== options.timeZone) dates = new BusinessDateCache(options.timeZone);
  const statementLines: (string | null)[] = [];
  for (let i = 0; i < page.ids.length; i++) {
    const input = replayedInput(page, i, dates);
    const line = input && isAccountEvent(input.event) ? statementLine(input.event, input) : null;
    statementLines.push(line && JSON.stringify(line));
    if (line && input!.event.type === 'account.sale-debited.v1') {
      page.data[i] = JSON.stringify({ ...input!.event.data, items: [] });
    }
  }
  return { ...page, statementLines };
};
