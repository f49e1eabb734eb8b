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
  /** class_teacher only (null for every other role and for users stored before roles had classes) */
  className: string | null;
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

/**
 * A parent's cabinet credentials for one account: the permanent password (once chosen),
 * the temporary one issued at the till or by staff (valid until it expires or is replaced),
 * and the email (confirmed by a link). Hashes only, never a password in clear.
 */
export interface CabinetCredentials {
  accountNumber: string;
  passwordHash: string | null;
  temporaryPasswordHash: string | null;
  /** ISO instant; null when no temporary password is pending */
  temporaryPasswordExpiresAt: string | null;
  email: string | null;
  emailConfirmed: boolean;
  updatedAt: string;
}

export type MailTokenPurpose = 'confirm_email' | 'reset_password';

/** A one-time token sent by mail (stored by its SHA-256 only). */
export interface MailTokenRecord {
  tokenHash: string;
  purpose: MailTokenPurpose;
  accountNumber: string;
  email: string;
  /** ISO instant */
  expiresAt: string;
}

/** Who did what to a cabinet's access, and when (never a secret). */
export interface AccessAuditEntry {
  at: string;
  actor: string;
  action: 'temporary_password_issued' | 'password_changed' | 'password_reset' | 'email_set' | 'email_confirmed';
  accountNumber: string;
}

/** Parents' cabinet credentials, one-time mail tokens, revoked sessions and the access audit trail. */
export interface CabinetCredentialStore {
  findCabinetCredentials(accountNumber: string): Promise<CabinetCredentials | null>;
  /** inserts or replaces the account's credentials */
  saveCabinetCredentials(credentials: CabinetCredentials): Promise<void>;
  insertMailToken(token: MailTokenRecord): Promise<void>;
  /** removes and returns the token (each works once); null when unknown or expired at `now` */
  takeMailToken(tokenHash: string, now: string): Promise<MailTokenRecord | null>;
  /** the session is refused from now on; forgotten once `expiresAt` (ISO instant) has passed `now` */
  revokeSession(sessionId: string, expiresAt: string, now: string): Promise<void>;
  isSessionRevoked(sessionId: string): Promise<boolean>;
  appendAccessAudit(entry: AccessAuditEntry): Promise<void>;
  /** oldest first */
  listAccessAudit(accountNumber: string): Promise<AccessAuditEntry[]>;
}

/** A position a ledger process keeps between restarts (as text: log positions are bigints). */
export interface CheckpointStore {
  getCheckpoint(name: string): Promise<string | null>;
  saveCheckpoint(name: string, position: string): Promise<void>;
}

export interface IdentityStore extends CheckpointStore, CabinetCredentialStore {
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
