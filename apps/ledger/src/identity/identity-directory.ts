/**
 * Staff users, API keys and login attempts. They live in a store of their own (never in
 * the event log: a password hash or key hash must not be replayed into read models or
 * exported with the ledger). Used by the HTTP service and the CLI alike.
 */
import type { CollectionSpec, ReadModelStore } from '@meals/read-model-store';
import { generateApiKey, hashApiKey } from './api-keys.js';
import { hashPassword } from './passwords.js';
import { scopeProblem, type Principal, type Role } from './principal.js';

export const IDENTITY_COLLECTIONS: CollectionSpec[] = [
  { name: 'users', indexes: [] },
  { name: 'api_keys', indexes: [['name']] },
  { name: 'login_attempts', indexes: [] },
];

export type UserDoc = {
  username: string;
  passwordHash: string;
  role: Role;
  departmentId: string | null;
  schoolId: string | null;
  createdAt: string;
};

export type ApiKeyDoc = {
  name: string;
  role: Role;
  departmentId: string | null;
  schoolId: string | null;
  tillId: string | null;
  createdAt: string;
};

export type LoginAttemptsDoc = {
  /** ISO instants of recent failed attempts, oldest first */
  failures: string[];
};

export interface ScopeInput {
  departmentId?: string | null;
  schoolId?: string | null;
  tillId?: string | null;
}

export class IdentityError extends Error {
  override name = 'IdentityError';
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

function normalizeScope(role: Role, input: ScopeInput) {
  const scope = {
    departmentId: input.departmentId?.trim() || null,
    schoolId: input.schoolId?.trim() || null,
    tillId: input.tillId?.trim() || null,
  };
  const problem = scopeProblem(role, scope);
  if (problem) throw new IdentityError(problem);
  return scope;
}

export class IdentityDirectory {
  constructor(private readonly store: ReadModelStore) {}

  async init(): Promise<void> {
    await this.store.ensureCollections(IDENTITY_COLLECTIONS);
  }

  async createUser(input: { username: string; password: string; role: Role } & ScopeInput, now: Date): Promise<UserDoc> {
    const username = normalizeUsername(input.username);
    if (!USERNAME.test(username)) throw new IdentityError('username: 3-64 characters a-z, 0-9, ".", "_", "-"');
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new IdentityError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const scope = normalizeScope(input.role, input);
    if (scope.tillId) throw new IdentityError('a staff user has no till');
    if (await this.store.get('users', username)) throw new IdentityError(`user ${username} already exists`);
    const doc: UserDoc = {
      username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      departmentId: scope.departmentId,
      schoolId: scope.schoolId,
      createdAt: now.toISOString(),
    };
    await this.store.commit([{ op: 'put', collection: 'users', id: username, doc }]);
    return doc;
  }

  /** Creates a key and returns it in clear: the only time it is ever visible. */
  async createKey(input: { name: string; role: Role } & ScopeInput, now: Date): Promise<{ key: string; record: ApiKeyDoc }> {
    const name = input.name.trim();
    if (!KEY_NAME.test(name)) throw new IdentityError('key name: 2-64 characters A-Z, a-z, 0-9, ".", "_", ":", "-"');
    const scope = normalizeScope(input.role, input);
    if ((await this.store.count('api_keys', { where: { name } })) > 0) {
      throw new IdentityError(`key ${name} already exists`);
    }
    const key = generateApiKey();
    const record: ApiKeyDoc = { name, role: input.role, ...scope, createdAt: now.toISOString() };
    await this.store.commit([{ op: 'put', collection: 'api_keys', id: hashApiKey(key), doc: record }]);
    return { key, record };
  }

  async findUser(username: string): Promise<UserDoc | null> {
    return this.store.get<UserDoc>('users', normalizeUsername(username));
  }

  async principalForUser(username: string): Promise<Principal | null> {
    const user = await this.findUser(username);
    return user && userPrincipal(user);
  }

  async principalForKey(key: string): Promise<Principal | null> {
    return this.principalForKeyHash(hashApiKey(key));
  }

  async principalForKeyHash(keyHash: string): Promise<Principal | null> {
    const record = await this.store.get<ApiKeyDoc>('api_keys', keyHash);
    return record && keyPrincipal(record);
  }

  /** Users and keys without any secret material, for `cli list`. */
  async list(): Promise<{ users: Omit<UserDoc, 'passwordHash'>[]; keys: ApiKeyDoc[] }> {
    const users = await this.store.find<UserDoc>('users', { orderBy: [{ field: 'username', direction: 'asc' }] });
    const keys = await this.store.find<ApiKeyDoc>('api_keys', { orderBy: [{ field: 'name', direction: 'asc' }] });
    return {
      users: users.map(({ passwordHash: _hidden, _id: _ignored, ...rest }: UserDoc & { _id?: unknown }) => rest),
      keys: keys.map(({ _id: _ignored, ...rest }: ApiKeyDoc & { _id?: unknown }) => rest),
    };
  }

  async loginFailures(attemptKey: string): Promise<string[]> {
    return (await this.store.get<LoginAttemptsDoc>('login_attempts', attemptKey))?.failures ?? [];
  }

  async saveLoginFailures(attemptKey: string, failures: string[]): Promise<void> {
    await this.store.commit([
      failures.length === 0
        ? { op: 'delete', collection: 'login_attempts', id: attemptKey }
        : { op: 'put', collection: 'login_attempts', id: attemptKey, doc: { failures } },
    ]);
  }
}

export const userPrincipal = (user: UserDoc): Principal => ({
  id: `user:${user.username}`,
  kind: 'user',
  role: user.role,
  departmentId: user.departmentId,
  schoolId: user.schoolId,
  tillId: null,
});

export const keyPrincipal = (key: ApiKeyDoc): Principal => ({
  id: `key:${key.name}`,
  kind: 'key',
  role: key.role,
  departmentId: key.departmentId,
  schoolId: key.schoolId,
  tillId: key.tillId,
});
