export {
  SqliteReadModelStore,
  openSqliteReadModelStore,
  type SqliteReadModelStoreOptions,
} from './sqlite-read-model-store.js';
export { openSqliteBulkLoadThread, SqliteBulkLoadThread } from './sqlite-bulk-load-thread.js';
export { encodedInsertsTransfer, InsertsEncoder, type EncodedInserts } from './encoded-inserts.js';
export { assertSqliteFileNotInUse, swapSqliteFile, SqliteFileInUseError } from './sqlite-file-swap.js';
