/**
 * The rebuild's reference figure: the embedded store's log read exactly as the rebuild
 * reads it (replayOnThread with REBUILD_LOG_READING: the same page size, read-ahead and
 * metadata field) and every event's data JSON-parsed, nothing
 * else. What the rebuild does beyond that is the projection work.
 */
import { replayOnThread, type ReplayPage } from '@meals/event-store/sqlite';
import { REBUILD_LOG_READING } from '@meals/projections';

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
    ...REBUILD_LOG_READING,
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
