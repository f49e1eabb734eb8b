// The port and what every adapter shares. Adapters have subpaths of their own
// (`@meals/event-store/sqlite`, `/kurrentdb`) and so does the factory that picks one by
// configuration (`/create`), so that importing the port loads no database client.
export * from './event-store.port.js';
export type { EventStoreConfig } from './event-store-config.js';
export { newEventId } from './shared/event-id.js';
