import { openMongoReadModelStore } from './mongo/mongo-read-model-store.js';
import type { ReadModelStore } from './read-model-store.port.js';
import { openSqliteReadModelStore } from './sqlite/sqlite-read-model-store.js';

export type ReadModelStoreConfig =
  | { kind: 'sqlite'; path: string; synchronous?: 'FULL' | 'NORMAL' | 'OFF' }
  | { kind: 'mongodb'; url: string; dbName: string; serverSelectionTimeoutMS?: number };

export function createReadModelStore(config: ReadModelStoreConfig): Promise<ReadModelStore> {
  switch (config.kind) {
    case 'sqlite':
      return openSqliteReadModelStore(config);
    case 'mongodb':
      return openMongoReadModelStore(config);
  }
}
