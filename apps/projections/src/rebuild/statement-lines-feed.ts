import type { MessagePort } from 'node:worker_threads';
import type { ReplayPage } from '@meals/event-store/sqlite';
import { encodedInsertsTransfer, InsertsEncoder } from '@meals/read-model-store/sqlite';
import { isAccountEvent } from '@meals/domain';
import { collections, statementLine, type BusinessDateCache, type ProjectionInput } from '@meals/read-models';
import { replayedInput } from './replay-pages.js';

/**
 * The statement lines of replayed pages, built and sent UTF-8 encoded straight to the thread
 * that writes the read-model file (SqliteBulkLoadThread.insertFeed, buffers transferred):
 * most of a rebuild's bytes, which this way are neither kept as objects nor copied between
 * threads as strings. Used on the replay thread and on the main one.
 */
export class StatementLinesFeed {
  private readonly encoder = new InsertsEncoder(collections.statementLines.name);

  constructor(private readonly feed: MessagePort) {}

  /**
   * Sends the page's statement lines; returns the page's inputs (null for events the read
   * models ignore), marked as having their statement line written.
   */
  send(page: ReplayPage, dates: BusinessDateCache): (ProjectionInput | null)[] {
    const inputs: (ProjectionInput | null)[] = [];
    for (let i = 0; i < page.ids.length; i++) {
      const input = replayedInput(page, i, dates);
      inputs.push(input);
      if (!input) continue;
      input.statementLineWritten = true;
      const line = isAccountEvent(input.event) ? statementLine(input.event, input) : null;
      if (line) this.encoder.add(line._id, JSON.stringify(line));
    }
    const encoded = this.encoder.take();
    if (encoded) this.feed.postMessage(encoded, encodedInsertsTransfer(encoded));
    return inputs;
  }

  /** No more lines: the writer may build its indexes. */
  close(): void {
    this.feed.close();
  }
}
