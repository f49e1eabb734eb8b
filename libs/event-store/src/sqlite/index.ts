export { openSqliteEventStore, SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';
export { SqliteReplayReader, type ReplayPage, type SqliteReplayReaderOptions } from './sqlite-replay-reader.js';
export {
  replayOnThread,
  type ReplayOnThreadOptions,
  type ReplayPageTransform,
  type ReplayTransform,
} from './replay-thread.js';
export { applyDurablePragmas, ensureEventsSchema } from './sqlite-schema.js';
