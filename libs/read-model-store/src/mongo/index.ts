export {
  MongoReadModelStore,
  openMongoReadModelStore,
  type MongoReadModelStoreOptions,
} from './mongo-read-model-store.js';
