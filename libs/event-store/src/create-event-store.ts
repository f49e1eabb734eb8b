import type { EventStoreConfig } from './event-store-config.js';
import type { EventStore } from './event-store.port.js';
import { openKurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { openSqliteEventStore } from './sqlite/sqlite-event-store.js';

/** Opens the configured event store (embedded SQLite by default in the apps, KurrentDB when distributed). */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite':
      return openSqliteEventStore({ path: config.path, pollIntervalMs: config.pollIntervalMs });
    case 'kurrentdb':
      return openKurrentDbEventStore({ connectionString: config.connectionString });
  }
}
