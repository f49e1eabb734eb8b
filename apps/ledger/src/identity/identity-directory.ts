/**
 * Staff users and API keys: creating them with their rules (usernames, key names, scopes,
 * password length) and finding principals. Kept in the identity store (see
 * store/identity-store.port.ts). Used by the HTTP service and the CLI alike.
 */
import { normalizeClassName } from '@meals/domain';
import { generateApiKey, hashApiKey } from './api-keys.js';
import { hashPassword } from './passwords.js';
import { scopeProblem, type Principal, type Role } from './principal.js';
import type { ApiKeyRecord, IdentityStore, UserRecord } from './store/identity-store.port.js';

/** The stored forms (kept under their earlier names for callers). */
export type UserDoc = UserRecord;
export type ApiKeyDoc = ApiKeyRecord;

export interface ScopeInput {
  departmentId?: string | null;
  schoolId?: string | null;
  tillId?: string | null;
  /** class_teacher only, e.g. `3Б` (stored normalised: `03Б`) */
  className?: string | null;
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
    className: null as string | null,
  };
  const rawClass = input.className?.trim() || null;
  if (rawClass !== null) {
    scope.className = normalizeClassName(rawClass);
    if (scope.className === null) throw new IdentityError(`not a class name: ${rawClass} (e.g. 3Б)`);
  }
  const problem = scopeProblem(role, scope);
  if (problem) throw new IdentityError(problem);
  return scope;
}

export class IdentityDirectory {
  constructor(private readonly store: IdentityStore) {}

  async createUser(
    input: { username: string; password: string; role: Role } & ScopeInput,
    now: Date,
  ): Promise<UserDoc> {
    const username = normalizeUsername(input.username);
    if (!USERNAME.test(username)) throw new IdentityError('username: 3-64 characters a-z, 0-9, ".", "_", "-"');
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new IdentityError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const scope = normalizeScope(input.role, input);
    if (scope.tillId) throw new IdentityError('a staff user has no till');
    if (await this.store.findUser(username)) throw new IdentityError(`user ${username} already exists`);
    const user: UserDoc = {
      username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      departmentId: scope.departmentId,
      schoolId: scope.schoolId,
      className: scope.className,
      createdAt: now.toISOString(),
    };
    // checked again by the store: another process (the CLI) may have created it meanwhile
    if (!(await this.store.insertUser(user))) throw new IdentityError(`user ${username} already exists`);
    return user;
  }

  /** Creates a key and returns it in clear: the only time it is ever visible. */
  async createKey(
    input: { name: string; role: Role } & ScopeInput,
    now: Date,
  ): Promise<{ key: string; record: ApiKeyDoc }> {
    const name = input.name.trim();
    if (!KEY_NAME.test(name)) throw new IdentityError('key name: 2-64 characters A-Z, a-z, 0-9, ".", "_", ":", "-"');
    const { className, ...scope } = normalizeScope(input.role, input);
    if (className !== null) throw new IdentityError('a key has no class');
    const key = generateApiKey();
    const record: ApiKeyDoc = { name, role: input.role, ...scope, createdAt: now.toISOString() };
    if (!(await this.store.insertApiKey(hashApiKey(key), record)))
      throw new IdentityError(`key ${name} already exists`);
    return { key, record };
  }

  async findUser(username: string): Promise<UserDoc | null> {
    return this.store.findUser(normalizeUsername(username));
  }

  async principalForUser(username: string): Promise<Principal | null> {
    const user = await this.findUser(username);
    return user && userPrincipal(user);
  }

  async principalForKey(key: string): Promise<Principal | null> {
    return this.principalForKeyHash(hashApiKey(key));
  }

  async principalForKeyHash(keyHash: string): Promise<Principal | null> {
    const record = await this.store.findApiKey(keyHash);
    return record && keyPrincipal(record);
  }

  /** Users and keys without any secret material, for `cli list`. */
  async list(): Promise<{ users: Omit<UserDoc, 'passwordHash'>[]; keys: ApiKeyDoc[] }> {
    const users = await this.store.listUsers();
    return { users: users.map(({ passwordHash: _hidden, ...rest }) => rest), keys: await this.store.listApiKeys() };
  }
}

export const userPrincipal = (user: UserDoc): Principal => ({
  id: `user:${user.username}`,
  kind: 'user',
  role: user.role,
  departmentId: user.departmentId,
  schoolId: user.schoolId,
  className: user.className,
  tillId: null,
});

export const keyPrincipal = (key: ApiKeyDoc): Principal => ({
  id: `key:${key.name}`,
  kind: 'key',
  role: key.role,
  departmentId: key.departmentId,
  schoolId: key.schoolId,
  className: null,
  tillId: key.tillId,
});
