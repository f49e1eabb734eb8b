/**
 * The identity store: staff users, API keys (by the hash of the key) and the ledger's own
 * small checkpoints (the transfer reconciler's position). A store of its own, never the
 * event log (a password or key hash must not be replayed or exported) nor the read models
 * (those are rebuilt from the log and would lose it). Adapters: SQLite `$DATA_DIR/identity.db`
 * (embedded) and MongoDB `<MONGODB_DB>_identity` (distributed).
 */
import type { Role } from '../principal.js';

export interface UserRecord {
  username: string;
  passwordHash: string;
  role: Role;
  departmentId: string | null;
  schoolId: string | null;
  createdAt: string;
}

export interface ApiKeyRecord {
  name: string;
  role: Role;
  departmentId: string | null;
  schoolId: string | null;
  tillId: string | null;
  createdAt: string;
}

/** A position a ledger process keeps between restarts (as text: log positions are bigints). */
export interface CheckpointStore {
  getCheckpoint(name: string): Promise<string | null>;
  saveCheckpoint(name: string, position: string): Promise<void>;
}

export interface IdentityStore extends CheckpointStore {
  findUser(username: string): Promise<UserRecord | null>;
  /** false (and nothing written) when the username is taken */
  insertUser(user: UserRecord): Promise<boolean>;
  /** ordered by username */
  listUsers(): Promise<UserRecord[]>;
  findApiKey(keyHash: string): Promise<ApiKeyRecord | null>;
  /** false (and nothing written) when the key's name or hash is taken */
  insertApiKey(keyHash: string, key: ApiKeyRecord): Promise<boolean>;
  /** ordered by name */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  close(): Promise<void>;
}

export type IdentityStoreConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mongodb'; url: string; dbName: string; serverSelectionTimeoutMS?: number };
