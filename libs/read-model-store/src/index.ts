// The port and what every adapter shares. Adapters have subpaths of their own
// (`@meals/read-model-store/sqlite`, `/mongodb`) and so does the factory that picks one by
// configuration (`/create`), so that importing the port loads no database client.
export * from './read-model-store.port.js';
export type { ReadModelStoreConfig } from './read-model-store-config.js';
export { UnknownCollectionError } from './changes.js';
