export * from './event-store.port.js';
export { openSqliteEventStore, SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
export { SqliteReplayReader, type ReplayPage, type SqliteReplayReaderOptions } from './sqlite/sqlite-replay-reader.js';
export {
  replayOnThread,
  type ReplayOnThreadOptions,
  type ReplayPageTransform,
  type ReplayTransform,
} from './sqlite/replay-thread.js';
export {
  openKurrentDbEventStore,
  KurrentDbEventStore,
  type KurrentDbEventStoreOptions,
  type KurrentDbClientLibrary,
} from './kurrentdb/kurrentdb-event-store.js';
export { createEventStore, type EventStoreConfig } from './create-event-store.js';
export { newEventId } from './shared/event-id.js';
