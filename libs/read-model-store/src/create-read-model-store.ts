import { openMongoReadModelStore } from './mongo/mongo-read-model-store.js';
import type { ReadModelStoreConfig } from './read-model-store-config.js';
import type { ReadModelStore } from './read-model-store.port.js';
import { openSqliteReadModelStore } from './sqlite/sqlite-read-model-store.js';

export function createReadModelStore(config: ReadModelStoreConfig): Promise<ReadModelStore> {
  switch (config.kind) {
    case 'sqlite':
      return openSqliteReadModelStore(config);
    case 'mongodb':
      return openMongoReadModelStore(config);
  }
}
