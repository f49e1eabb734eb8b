/**
 * The identity store in MongoDB (database `<MONGODB_DB>_identity`): `users` keyed by
 * username, `api_keys` keyed by key hash with a unique index on the name, `_checkpoints`.
 * The same collections and documents the read-model adapter wrote before the identity
 * store got its own port, so existing data stays readable as it is.
 */
import { MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import type {
  AccessAuditEntry,
  ApiKeyRecord,
  CabinetCredentials,
  IdentityStore,
  MailTokenRecord,
  UserRecord,
} from './identity-store.port.js';

/** `className` is missing on users stored before class teachers existed */
type UserDoc = Omit<UserRecord, 'username' | 'className'> & { _id: string; className?: string | null };
type ApiKeyDoc = ApiKeyRecord & { _id: string };
type CheckpointDoc = { _id: string; position: string };
type CabinetDoc = Omit<CabinetCredentials, 'accountNumber'> & { _id: string };
type MailTokenDoc = Omit<MailTokenRecord, 'tokenHash'> & { _id: string };
/** `expiresAt` is a Date so that a TTL index forgets expired sessions */
type RevokedSessionDoc = { _id: string; expiresAt: Date };
type AuditDoc = AccessAuditEntry & { seq: number };

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;

const userOf = ({ _id, passwordHash, role, departmentId, schoolId, className, createdAt }: UserDoc): UserRecord => ({
  username: _id,
  passwordHash,
  role,
  departmentId,
  schoolId,
  className: className ?? null,
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
  private readonly cabinets: Collection<CabinetDoc>;
  private readonly mailTokens: Collection<MailTokenDoc>;
  private readonly revokedSessions: Collection<RevokedSessionDoc>;
  private readonly audit: Collection<AuditDoc>;

  constructor(
    private readonly client: MongoClient,
    db: Db,
  ) {
    this.users = db.collection<UserDoc>('users');
    this.apiKeys = db.collection<ApiKeyDoc>('api_keys');
    this.checkpoints = db.collection<CheckpointDoc>('_checkpoints');
    this.cabinets = db.collection<CabinetDoc>('cabinet_credentials');
    this.mailTokens = db.collection<MailTokenDoc>('mail_tokens');
    this.revokedSessions = db.collection<RevokedSessionDoc>('revoked_sessions');
    this.audit = db.collection<AuditDoc>('access_audit');
  }

  async init(): Promise<void> {
    // The read-model adapter indexed the name without uniqueness; that index would conflict.
    for (const index of await this.existingIndexes()) {
      if (index.name && !index.unique && JSON.stringify(index.key) === '{"name":1}')
        await this.apiKeys.dropIndex(index.name);
    }
    await this.apiKeys.createIndex({ name: 1 }, { unique: true, name: 'ux_api_keys__name' });
    await this.revokedSessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'ttl_revoked_sessions' });
    await this.audit.createIndex({ accountNumber: 1, at: 1, seq: 1 }, { name: 'ix_access_audit__account' });
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

  async findCabinetCredentials(accountNumber: string): Promise<CabinetCredentials | null> {
    const doc = await this.cabinets.findOne({ _id: accountNumber });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { accountNumber: _id, ...rest };
  }

  async saveCabinetCredentials({ accountNumber, ...rest }: CabinetCredentials): Promise<void> {
    await this.cabinets.replaceOne({ _id: accountNumber }, rest, { upsert: true });
  }

  async insertMailToken({ tokenHash, ...rest }: MailTokenRecord): Promise<void> {
    await this.mailTokens.insertOne({ _id: tokenHash, ...rest });
  }

  async takeMailToken(tokenHash: string, now: string): Promise<MailTokenRecord | null> {
    const doc = await this.mailTokens.findOneAndDelete({ _id: tokenHash });
    await this.mailTokens.deleteMany({ expiresAt: { $lte: now } });
    if (!doc || doc.expiresAt <= now) return null;
    const { _id, purpose, accountNumber, email, expiresAt } = doc;
    return { tokenHash: _id, purpose, accountNumber, email, expiresAt };
  }

  /** expired ones are forgotten by the TTL index */
  async revokeSession(sessionId: string, expiresAt: string, _now: string): Promise<void> {
    await this.revokedSessions.updateOne(
      { _id: sessionId },
      { $set: { expiresAt: new Date(expiresAt) } },
      { upsert: true },
    );
  }

  async isSessionRevoked(sessionId: string): Promise<boolean> {
    return (await this.revokedSessions.countDocuments({ _id: sessionId }, { limit: 1 })) > 0;
  }

  private auditSeq = 0;

  async appendAccessAudit(entry: AccessAuditEntry): Promise<void> {
    await this.audit.insertOne({ ...entry, seq: ++this.auditSeq });
  }

  async listAccessAudit(accountNumber: string): Promise<AccessAuditEntry[]> {
    const docs = await this.audit.find({ accountNumber }).sort({ at: 1, seq: 1 }).toArray();
    return docs.map(({ at, actor, action }) => ({ at, actor, action, accountNumber }));
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
