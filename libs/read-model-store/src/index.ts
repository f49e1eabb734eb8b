export * from './read-model-store.port.js';
export { UnknownCollectionError } from './changes.js';
export {
  SqliteReadModelStore,
  openSqliteReadModelStore,
  type SqliteReadModelStoreOptions,
} from './sqlite/sqlite-read-model-store.js';
export {
  MongoReadModelStore,
  openMongoReadModelStore,
  type MongoReadModelStoreOptions,
} from './mongo/mongo-read-model-store.js';
export { openSqliteBulkLoadThread, SqliteBulkLoadThread } from './sqlite/sqlite-bulk-load-thread.js';
export { encodedInsertsTransfer, InsertsEncoder, type EncodedInserts } from './sqlite/encoded-inserts.js';
export { createReadModelStore, type ReadModelStoreConfig } from './create-read-model-store.js';
export { assertSqliteFileNotInUse, swapSqliteFile, SqliteFileInUseError } from './sqlite/sqlite-file-swap.js';
