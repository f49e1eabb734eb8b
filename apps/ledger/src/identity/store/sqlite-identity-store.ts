/**
 * The identity store in SQLite (`$DATA_DIR/identity.db`), one row per user, key and
 * checkpoint. The CLI and the running ledger open the same file: WAL, and a busy timeout.
 * A file written by the earlier layout (the read-model store's `rm_*` tables) is migrated
 * on open, in one transaction.
 */
import Database from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS, pragmaRetryingBusy } from '@meals/sqlite-support';
import type { Role } from '../principal.js';
import type { ApiKeyRecord, IdentityStore, UserRecord } from './identity-store.port.js';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    department_id TEXT, school_id TEXT, created_at TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS api_keys (
    key_hash TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
    department_id TEXT, school_id TEXT, till_id TEXT, created_at TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID`,
];

/** The read-model store's layout this file had before the identity store got its own. */
const LEGACY_MIGRATION = [
  `INSERT OR IGNORE INTO users SELECT id, json_extract(doc, '$.passwordHash'), json_extract(doc, '$.role'),
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
        'INSERT INTO users (username, password_hash, role, department_id, school_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      listUsers: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username'),
      findApiKey: db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = ?'),
      insertApiKey: db.prepare(
        'INSERT INTO api_keys (key_hash, name, role, department_id, school_id, till_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listApiKeys: db.prepare<[], ApiKeyRow>('SELECT * FROM api_keys ORDER BY name'),
      getCheckpoint: db.prepare<[string], { position: string }>('SELECT position FROM checkpoints WHERE name = ?'),
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
      const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rm_users'").get();
      if (legacy) for (const sql of LEGACY_MIGRATION) db.exec(sql);
    }).immediate();
    return new SqliteIdentityStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
