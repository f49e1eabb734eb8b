import { MongoClient, MongoServerError, type AnyBulkWriteOperation, type Collection, type Db } from 'mongodb';
import { storedDoc, UnknownCollectionError } from '../changes.js';
import { assertCollectionName, assertFieldName, CHECKPOINTS } from '../names.js';
import { filterOf, sortOf, type StoredDoc } from './mongo-query.js';
import {
  checkpointList,
  type Change,
  type Checkpoint,
  type CollectionSpec,
  type Doc,
  type Query,
  type ReadModelStore,
} from '../read-model-store.port.js';

export interface MongoReadModelStoreOptions {
  url: string;
  dbName: string;
  /** how long to wait for a reachable server; the driver's 30 s default hides a wrong URL */
  serverSelectionTimeoutMS?: number;
}

type CheckpointDoc = { _id: string; position: string };

const GET_MANY_CHUNK = 1000;
const NAMESPACE_NOT_FOUND = 26;

const indexName = (fields: string[]): string => `ix_${fields.join('_')}`;

/**
 * Read models in MongoDB: one collection per read model, documents keyed by `_id`, and the
 * projection checkpoints in `_checkpoints`. `commit` is a multi-document transaction, so
 * the server must be a replica set (a single-node replica set is enough; a standalone
 * mongod rejects transactions).
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly specs = new Map<string, CollectionSpec>();

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  async ensureCollections(specs: CollectionSpec[]): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    if (!existing.has(CHECKPOINTS)) await this.createCollection(CHECKPOINTS);
    for (const spec of specs) {
      assertCollectionName(spec.name);
      spec.indexes.flat().forEach(assertFieldName);
      if (!existing.has(spec.name)) await this.createCollection(spec.name);
      await this.createIndexes(spec);
      this.specs.set(spec.name, spec);
    }
  }

  async get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return (await this.collection(collection).findOne({ _id: id })) as T | null;
  }

  async getMany<T extends Doc = Doc>(collection: string, ids: string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    for (let start = 0; start < ids.length; start += GET_MANY_CHUNK) {
      const chunk = ids.slice(start, start + GET_MANY_CHUNK);
      for await (const doc of this.collection(collection).find({ _id: { $in: chunk } })) {
        found.set(doc._id, doc as unknown as T);
      }
    }
    return found;
  }

  async find<T extends Doc = Doc>(collection: string, query: Query = {}): Promise<T[]> {
    if (query.limit === 0) return []; // MongoDB reads limit 0 as "no limit"
    let cursor = this.collection(collection).find(filterOf(query)).sort(sortOf(query.orderBy));
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return (await cursor.toArray()) as unknown as T[];
  }

  async count(collection: string, query: Pick<Query, 'where' | 'range'> = {}): Promise<number> {
    return this.collection(collection).countDocuments(filterOf(query));
  }

  async commit(changes: Change[], checkpoint?: Checkpoint | readonly Checkpoint[]): Promise<void> {
    const operations = this.bulkOperations(changes);
    const checkpoints = checkpointList(checkpoint);
    if (operations.size === 0 && checkpoints.length === 0) return;
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        for (const [collection, ops] of operations) {
          await this.collection(collection).bulkWrite(ops, { session, ordered: true });
        }
        for (const { name, position } of checkpoints) {
          await this.checkpoints().updateOne({ _id: name }, { $set: { position } }, { upsert: true, session });
        }
      }),
    );
  }

  async getCheckpoint(name: string): Promise<string | null> {
    return (await this.checkpoints().findOne({ _id: name }))?.position ?? null;
  }

  /** Drops and re-creates the collections (much faster than deleting documents one by one). */
  async clear(collections: string[], checkpoints: string[] = []): Promise<void> {
    for (const name of collections) {
      assertCollectionName(name);
      try {
        await this.db.collection(name).drop();
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
      }
      const spec = this.specs.get(name);
      if (spec) {
        await this.createCollection(name);
        await this.createIndexes(spec);
      }
    }
    if (checkpoints.length > 0) await this.checkpoints().deleteMany({ _id: { $in: checkpoints } });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Groups the changes per collection, in order; validated before anything is sent. */
  private bulkOperations(changes: Change[]): Map<string, AnyBulkWriteOperation<StoredDoc>[]> {
    const operations = new Map<string, AnyBulkWriteOperation<StoredDoc>[]>();
    for (const change of changes) {
      if (!this.specs.has(change.collection)) throw new UnknownCollectionError(change.collection);
      let ops = operations.get(change.collection);
      if (!ops) operations.set(change.collection, (ops = []));
      if (change.op === 'put') {
        const replacement = storedDoc(change) as StoredDoc;
        ops.push({ replaceOne: { filter: { _id: change.id }, replacement, upsert: true } });
      } else if (change.op === 'insert') {
        ops.push({ insertOne: { document: storedDoc(change) as StoredDoc } });
      } else {
        ops.push({ deleteOne: { filter: { _id: change.id } } });
      }
    }
    return operations;
  }

  private async createCollection(name: string): Promise<void> {
    try {
      await this.db.createCollection(name);
    } catch (error) {
      // NamespaceExists: another process created it meanwhile
      if (!(error instanceof MongoServerError && error.code === 48)) throw error;
    }
  }

  private async createIndexes(spec: CollectionSpec): Promise<void> {
    if (spec.indexes.length === 0) return;
    await this.db.collection(spec.name).createIndexes(
      spec.indexes.map((fields) => ({
        name: indexName(fields),
        key: Object.fromEntries(fields.map((field) => [field, 1 as const])),
      })),
    );
  }

  private collection(name: string): Collection<StoredDoc> {
    assertCollectionName(name);
    return this.db.collection<StoredDoc>(name);
  }

  private checkpoints(): Collection<CheckpointDoc> {
    return this.db.collection<CheckpointDoc>(CHECKPOINTS);
  }
}

export async function openMongoReadModelStore(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
  const client = new MongoClient(options.url, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
  });
  await client.connect();
  return new MongoReadModelStore(client, client.db(options.dbName));
}
