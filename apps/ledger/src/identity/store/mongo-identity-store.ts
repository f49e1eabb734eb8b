/**
 * The identity store in MongoDB (database `<MONGODB_DB>_identity`): `users` keyed by
 * username, `api_keys` keyed by key hash with a unique index on the name, `_checkpoints`.
 * The same collections and documents the read-model adapter wrote before the identity
 * store got its own port, so existing data stays readable as it is.
 */
import { MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import type { ApiKeyRecord, IdentityStore, UserRecord } from './identity-store.port.js';

type UserDoc = Omit<UserRecord, 'username'> & { _id: string };
type ApiKeyDoc = ApiKeyRecord & { _id: string };
type CheckpointDoc = { _id: string; position: string };

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;

const userOf = ({ _id, passwordHash, role, departmentId, schoolId, createdAt }: UserDoc): UserRecord => ({
  username: _id,
  passwordHash,
  role,
  departmentId,
  schoolId,
  createdAt,
});

const apiKeyOf = ({ name, role, departmentId, schoolId, tillId, createdAt }: ApiKeyDoc): ApiKeyRecord => ({
  name,
  role,
  departmentId,
  schoolId,
  tillId,
  createdAt,
});

export class MongoIdentityStore implements IdentityStore {
  private readonly users: Collection<UserDoc>;
  private readonly apiKeys: Collection<ApiKeyDoc>;
  private readonly checkpoints: Collection<CheckpointDoc>;

  constructor(
    private readonly client: MongoClient,
    db: Db,
  ) {
    this.users = db.collection<UserDoc>('users');
    this.apiKeys = db.collection<ApiKeyDoc>('api_keys');
    this.checkpoints = db.collection<CheckpointDoc>('_checkpoints');
  }

  async init(): Promise<void> {
    // The read-model adapter indexed the name without uniqueness; that index would conflict.
    for (const index of await this.existingIndexes()) {
      if (index.name && !index.unique && JSON.stringify(index.key) === '{"name":1}')
        await this.apiKeys.dropIndex(index.name);
    }
    await this.apiKeys.createIndex({ name: 1 }, { unique: true, name: 'ux_api_keys__name' });
  }

  private async existingIndexes(): Promise<{ name?: string; key: unknown; unique?: boolean }[]> {
    try {
      return await this.apiKeys.listIndexes().toArray();
    } catch (error) {
      if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return [];
      throw error;
    }
  }

  async findUser(username: string): Promise<UserRecord | null> {
    const doc = await this.users.findOne({ _id: username });
    return doc && userOf(doc);
  }

  async insertUser({ username, ...rest }: UserRecord): Promise<boolean> {
    return this.inserted(() => this.users.insertOne({ _id: username, ...rest }));
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.users.find().sort({ _id: 1 }).toArray()).map(userOf);
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | null> {
    const doc = await this.apiKeys.findOne({ _id: keyHash });
    return doc && apiKeyOf(doc);
  }

  async insertApiKey(keyHash: string, key: ApiKeyRecord): Promise<boolean> {
    return this.inserted(() => this.apiKeys.insertOne({ _id: keyHash, ...key }));
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.apiKeys.find().sort({ name: 1 }).toArray()).map(apiKeyOf);
  }

  async getCheckpoint(name: string): Promise<string | null> {
    return (await this.checkpoints.findOne({ _id: name }))?.position ?? null;
  }

  async saveCheckpoint(name: string, position: string): Promise<void> {
    await this.checkpoints.updateOne({ _id: name }, { $set: { position } }, { upsert: true });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async inserted(insert: () => Promise<unknown>): Promise<boolean> {
    try {
      await insert();
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }
}

export async function openMongoIdentityStore(options: {
  url: string;
  dbName: string;
  serverSelectionTimeoutMS?: number;
}): Promise<MongoIdentityStore> {
  const client = new MongoClient(options.url, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000 });
  await client.connect();
  try {
    const store = new MongoIdentityStore(client, client.db(options.dbName));
    await store.init();
    return store;
  } catch (error) {
    await client.close();
    throw error;
  }
}
