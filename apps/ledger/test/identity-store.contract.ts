/** What every IdentityStore adapter must do; run against SQLite always, MongoDB when MONGODB_URL is set. */
import type { ApiKeyRecord, IdentityStore, UserRecord } from '../src/identity/store/identity-store.port.js';

export interface ContractTarget {
  /** a fresh, empty store */
  open(): Promise<IdentityStore>;
  /** the same store opened again (its data kept) */
  reopen(): Promise<IdentityStore>;
  cleanup(): Promise<void>;
}

const user = (username: string, over: Partial<UserRecord> = {}): UserRecord => ({
  username,
  passwordHash: `scrypt$hash-of-${username}`,
  role: 'school_staff',
  departmentId: 'uo-1',
  schoolId: '24',
  createdAt: '2024-01-18T09:00:00.000Z',
  ...over,
});

const key = (name: string, over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  name,
  role: 'till',
  departmentId: null,
  schoolId: '24',
  tillId: '24-01',
  createdAt: '2024-01-18T09:00:00.000Z',
  ...over,
});

export function describeIdentityStoreContract(name: string, target: () => ContractTarget): void {
  describe(`IdentityStore contract: ${name}`, () => {
    let t: ContractTarget;
    let store: IdentityStore;

    beforeEach(async () => {
      t = target();
      store = await t.open();
    });

    afterEach(async () => {
      await store.close();
      await t.cleanup();
    });

    it('stores users, each username once, and lists them by username', async () => {
      expect(await store.findUser('olga')).toBeNull();
      expect(await store.insertUser(user('olga'))).toBe(true);
      expect(await store.insertUser(user('anna', { role: 'admin', departmentId: null, schoolId: null }))).toBe(true);
      expect(await store.insertUser(user('olga', { passwordHash: 'other' }))).toBe(false);
      expect(await store.findUser('olga')).toEqual(user('olga'));
      expect((await store.listUsers()).map((u) => u.username)).toEqual(['anna', 'olga']);
      expect((await store.listUsers())[0]).toEqual(user('anna', { role: 'admin', departmentId: null, schoolId: null }));
    });

    it('stores API keys by hash, each name and hash once, and lists them by name', async () => {
      expect(await store.insertApiKey('hash-b', key('till-b'))).toBe(true);
      expect(await store.insertApiKey('hash-a', key('bank-a', { role: 'bank', schoolId: null, tillId: null }))).toBe(
        true,
      );
      expect(await store.insertApiKey('hash-c', key('till-b'))).toBe(false);
      expect(await store.insertApiKey('hash-b', key('till-c'))).toBe(false);
      expect(await store.findApiKey('hash-b')).toEqual(key('till-b'));
      expect(await store.findApiKey('hash-c')).toBeNull();
      expect((await store.listApiKeys()).map((k) => k.name)).toEqual(['bank-a', 'till-b']);
    });

    it('keeps checkpoints as text (bigint positions), replacing them', async () => {
      expect(await store.getCheckpoint('reconciler')).toBeNull();
      await store.saveCheckpoint('reconciler', '9007199254740993');
      await store.saveCheckpoint('reconciler', '18446744073709551615');
      expect(await store.getCheckpoint('reconciler')).toBe('18446744073709551615');
    });

    it('keeps everything across a reopen', async () => {
      await store.insertUser(user('olga'));
      await store.insertApiKey('hash-b', key('till-b'));
      await store.saveCheckpoint('reconciler', '42');
      await store.close();
      store = await t.reopen();
      expect(await store.findUser('olga')).toEqual(user('olga'));
      expect(await store.findApiKey('hash-b')).toEqual(key('till-b'));
      expect(await store.getCheckpoint('reconciler')).toBe('42');
    });

    it('of concurrent inserts of one username exactly one wins', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => store.insertUser(user('race', { passwordHash: `h${i}` }))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
