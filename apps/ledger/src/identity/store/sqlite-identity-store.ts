/**
 * The identity store in SQLite (`$DATA_DIR/identity.db`), one row per user, key and
 * checkpoint. The CLI and the running ledger open the same file: WAL, and a busy timeout.
 * A file written by the earlier layout (the read-model store's `rm_*` tables) is migrated
 * on open, in one transaction.
 */
import Database from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS, pragmaRetryingBusy } from '@meals/sqlite-support';
import type { Role } from '../principal.js';
import type {
  AccessAuditEntry,
  ApiKeyRecord,
  CabinetCredentials,
  IdentityStore,
  MailTokenRecord,
  UserRecord,
} from './identity-store.port.js';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    department_id TEXT, school_id TEXT, created_at TEXT NOT NULL, class_name TEXT) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS api_keys (
    key_hash TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
    department_id TEXT, school_id TEXT, till_id TEXT, created_at TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS cabinet_credentials (
    account_number TEXT PRIMARY KEY, password_hash TEXT, temporary_password_hash TEXT,
    temporary_password_expires_at TEXT, email TEXT, email_confirmed INTEGER NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS mail_tokens (
    token_hash TEXT PRIMARY KEY, purpose TEXT NOT NULL, account_number TEXT NOT NULL, email TEXT NOT NULL,
    expires_at TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS revoked_sessions (session_id TEXT PRIMARY KEY, expires_at TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS access_audit (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, account_number TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ix_access_audit__account ON access_audit (account_number, id)`,
];

/** Files written before class teachers existed have no `class_name` column: add it on open. */
const CLASS_NAME_MIGRATION = 'ALTER TABLE users ADD COLUMN class_name TEXT';

/** The read-model store's layout this file had before the identity store got its own. */
const LEGACY_MIGRATION = [
  `INSERT OR IGNORE INTO users (username, password_hash, role, department_id, school_id, created_at)
    SELECT id, json_extract(doc, '$.passwordHash'), json_extract(doc, '$.role'),
    json_extract(doc, '$.departmentId'), json_extract(doc, '$.schoolId'), json_extract(doc, '$.createdAt') FROM rm_users`,
  `INSERT OR IGNORE INTO api_keys SELECT id, json_extract(doc, '$.name'), json_extract(doc, '$.role'),
    json_extract(doc, '$.departmentId'), json_extract(doc, '$.schoolId'), json_extract(doc, '$.tillId'),
    json_extract(doc, '$.createdAt') FROM rm_api_keys`,
  `INSERT OR IGNORE INTO checkpoints SELECT name, position FROM _checkpoints WHERE name <> 'health-probe'`,
  'DROP TABLE rm_users',
  'DROP TABLE rm_api_keys',
  'DROP TABLE IF EXISTS rm_login_attempts',
  'DROP TABLE _checkpoints',
];

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  department_id: string | null;
  school_id: string | null;
  class_name: string | null;
  created_at: string;
}

interface ApiKeyRow {
  key_hash: string;
  name: string;
  role: Role;
  department_id: string | null;
  school_id: string | null;
  till_id: string | null;
  created_at: string;
}

const userOf = (row: UserRow): UserRecord => ({
  username: row.username,
  passwordHash: row.password_hash,
  role: row.role,
  departmentId: row.department_id,
  schoolId: row.school_id,
  className: row.class_name ?? null,
  createdAt: row.created_at,
});

const apiKeyOf = (row: ApiKeyRow): ApiKeyRecord => ({
  name: row.name,
  role: row.role,
  departmentId: row.department_id,
  schoolId: row.school_id,
  tillId: row.till_id,
  createdAt: row.created_at,
});

interface CabinetRow {
  account_number: string;
  password_hash: string | null;
  temporary_password_hash: string | null;
  temporary_password_expires_at: string | null;
  email: string | null;
  email_confirmed: number;
  updated_at: string;
}

const cabinetOf = (row: CabinetRow): CabinetCredentials => ({
  accountNumber: row.account_number,
  passwordHash: row.password_hash,
  temporaryPasswordHash: row.temporary_password_hash,
  temporaryPasswordExpiresAt: row.temporary_password_expires_at,
  email: row.email,
  emailConfirmed: row.email_confirmed === 1,
  updatedAt: row.updated_at,
});

interface MailTokenRow {
  token_hash: string;
  purpose: MailTokenRecord['purpose'];
  account_number: string;
  email: string;
  expires_at: string;
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');

export class SqliteIdentityStore implements IdentityStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      findUser: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
      insertUser: db.prepare(
        'INSERT INTO users (username, password_hash, role, department_id, school_id, class_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listUsers: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username'),
      findApiKey: db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = ?'),
      insertApiKey: db.prepare(
        'INSERT INTO api_keys (key_hash, name, role, department_id, school_id, till_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listApiKeys: db.prepare<[], ApiKeyRow>('SELECT * FROM api_keys ORDER BY name'),
      getCheckpoint: db.prepare<[string], { position: string }>('SELECT position FROM checkpoints WHERE name = ?'),
      findCabinet: db.prepare<[string], CabinetRow>('SELECT * FROM cabinet_credentials WHERE account_number = ?'),
      saveCabinet: db.prepare(
        `INSERT OR REPLACE INTO cabinet_credentials (account_number, password_hash, temporary_password_hash,
          temporary_password_expires_at, email, email_confirmed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertMailToken: db.prepare(
        'INSERT INTO mail_tokens (token_hash, purpose, account_number, email, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      takeMailToken: db.prepare<[string], MailTokenRow>('DELETE FROM mail_tokens WHERE token_hash = ? RETURNING *'),
      forgetExpiredMailTokens: db.prepare('DELETE FROM mail_tokens WHERE expires_at <= ?'),
      revokeSession: db.prepare('INSERT OR REPLACE INTO revoked_sessions (session_id, expires_at) VALUES (?, ?)'),
      forgetExpiredSessions: db.prepare('DELETE FROM revoked_sessions WHERE expires_at <= ?'),
      isRevoked: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM revoked_sessions WHERE session_id = ?'),
      appendAudit: db.prepare('INSERT INTO access_audit (at, actor, action, account_number) VALUES (?, ?, ?, ?)'),
      listAudit: db.prepare<[string], { at: string; actor: string; action: AccessAuditEntry['action'] }>(
        'SELECT at, actor, action FROM access_audit WHERE account_number = ? ORDER BY id',
      ),
      saveCheckpoint: db.prepare(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position',
      ),
    };
  }

  async findUser(username: string): Promise<UserRecord | null> {
    const row = this.statements.findUser.get(username);
    return row ? userOf(row) : null;
  }

  async insertUser(user: UserRecord): Promise<boolean> {
    return this.inserted(() =>
      this.statements.insertUser.run(
        user.username,
        user.passwordHash,
        user.role,
        user.departmentId,
        user.schoolId,
        user.className,
        user.createdAt,
      ),
    );
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.statements.listUsers.all().map(userOf);
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | null> {
    const row = this.statements.findApiKey.get(keyHash);
    return row ? apiKeyOf(row) : null;
  }

  async insertApiKey(keyHash: string, key: ApiKeyRecord): Promise<boolean> {
    return this.inserted(() =>
      this.statements.insertApiKey.run(
        keyHash,
        key.name,
        key.role,
        key.departmentId,
        key.schoolId,
        key.tillId,
        key.createdAt,
      ),
    );
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return this.statements.listApiKeys.all().map(apiKeyOf);
  }

  async getCheckpoint(name: string): Promise<string | null> {
    return this.statements.getCheckpoint.get(name)?.position ?? null;
  }

  async saveCheckpoint(name: string, position: string): Promise<void> {
    this.statements.saveCheckpoint.run(name, position);
  }

  async findCabinetCredentials(accountNumber: string): Promise<CabinetCredentials | null> {
    const row = this.statements.findCabinet.get(accountNumber);
    return row ? cabinetOf(row) : null;
  }

  async saveCabinetCredentials(c: CabinetCredentials): Promise<void> {
    this.statements.saveCabinet.run(
      c.accountNumber,
      c.passwordHash,
      c.temporaryPasswordHash,
      c.temporaryPasswordExpiresAt,
      c.email,
      c.emailConfirmed ? 1 : 0,
      c.updatedAt,
    );
  }

  async insertMailToken(token: MailTokenRecord): Promise<void> {
    this.statements.insertMailToken.run(
      token.tokenHash,
      token.purpose,
      token.accountNumber,
      token.email,
      token.expiresAt,
    );
  }

  async takeMailToken(tokenHash: string, now: string): Promise<MailTokenRecord | null> {
    const row = this.statements.takeMailToken.get(tokenHash);
    this.statements.forgetExpiredMailTokens.run(now);
    if (!row || row.expires_at <= now) return null;
    return {
      tokenHash: row.token_hash,
      purpose: row.purpose,
      accountNumber: row.account_number,
      email: row.email,
      expiresAt: row.expires_at,
    };
  }

  async revokeSession(sessionId: string, expiresAt: string, now: string): Promise<void> {
    this.statements.forgetExpiredSessions.run(now);
    this.statements.revokeSession.run(sessionId, expiresAt);
  }

  async isSessionRevoked(sessionId: string): Promise<boolean> {
    return this.statements.isRevoked.get(sessionId) !== undefined;
  }

  async appendAccessAudit(entry: AccessAuditEntry): Promise<void> {
    this.statements.appendAudit.run(entry.at, entry.actor, entry.action, entry.accountNumber);
  }

  async listAccessAudit(accountNumber: string): Promise<AccessAuditEntry[]> {
    return this.statements.listAudit.all(accountNumber).map((row) => ({ ...row, accountNumber }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private inserted(insert: () => unknown): boolean {
    try {
      insert();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

export function openSqliteIdentityStore(options: { path: string; busyTimeoutMs?: number }): SqliteIdentityStore {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const db = new Database(options.path, { timeout: busyTimeoutMs });
  try {
    pragmaRetryingBusy(db, 'journal_mode = WAL', busyTimeoutMs);
    db.pragma('synchronous = FULL');
    db.transaction(() => {
      for (const sql of SCHEMA) db.exec(sql);
      const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('users')").all();
      if (!columns.some((column) => column.name === 'class_name')) db.exec(CLASS_NAME_MIGRATION);
      const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rm_users'").get();
      if (legacy) for (const sql of LEGACY_MIGRATION) db.exec(sql);
    }).immediate();
    return new SqliteIdentityStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
