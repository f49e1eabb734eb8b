/**
 * An event store that, like KurrentDB, deduplicates event ids within a stream only: the
 * SQLite store underneath sees every id made unique per stream, so an id already stored in
 * another stream is NOT refused. Retries within a stream still work (same stream, same id).
 */
import type { AppendOptions, AppendResult, EventStore, EventToAppend } from '@meals/event-store';
import { nameBasedUuid } from '@meals/command-runner';

export function idsUniquePerStreamOnly(store: EventStore): EventStore {
  return {
    detectsIdsInOtherStreams: false,
    append: (streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult> =>
      store.append(
        streamId,
        events.map((event) => ({ ...event, id: nameBasedUuid(`${streamId}|${event.id}`) })),
        options,
      ),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
}
