/**
 * The rebuild's reference figure: the embedded store's log read exactly as the rebuild
 * reads it (replayOnThread, same page size, read-ahead and metadata field as
 * apps/projections' rebuild-sqlite-file.ts) and every event's data JSON-parsed, nothing
 * else. What the rebuild does beyond that is the projection work.
 */
import { replayOnThread, type ReplayPage } from '@meals/event-store/sqlite';

/** as apps/projections' rebuild reads the embedded store (DEFAULT_PAGE_SIZE, READ_AHEAD_PAGES, OCCURRED_AT) */
const PAGE_SIZE = 2_000;
const READ_AHEAD_PAGES = 4;
const METADATA_FIELD = 'occurredAt';

export interface TimedScan {
  events: number;
  durationMs: number;
}

export async function scanLog(eventsPath: string): Promise<TimedScan> {
  const started = performance.now();
  let events = 0;
  let fields = 0;
  const pages = replayOnThread<ReplayPage>({
    path: eventsPath,
    metadataField: METADATA_FIELD,
    pageSize: PAGE_SIZE,
    readAhead: READ_AHEAD_PAGES,
  });
  for await (const page of pages) {
    for (const data of page.data) {
      // used, so that the parse cannot be optimised away
      fields += Object.keys(JSON.parse(data) as object).length;
    }
    events += page.data.length;
  }
  if (events > 0 && fields === 0) throw new Error('scan: events without data');
  return { events, durationMs: performance.now() - started };
}
