export {
  openKurrentDbEventStore,
  KurrentDbEventStore,
  type KurrentDbEventStoreOptions,
  type KurrentDbClientLibrary,
} from './kurrentdb-event-store.js';
