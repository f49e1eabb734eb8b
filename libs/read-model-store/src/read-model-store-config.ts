/** Which read-model store adapter to open, and where: `createReadModelStore` (`@meals/read-model-store/create`) reads it. */
export type ReadModelStoreConfig =
  | { kind: 'sqlite'; path: string; synchronous?: 'FULL' | 'NORMAL' | 'OFF' }
  | { kind: 'mongodb'; url: string; dbName: string; serverSelectionTimeoutMS?: number };
