/** What every IdentityStore adapter must do; run against SQLite always, MongoDB when MONGODB_URL is set. */
import type {
  ApiKeyRecord,
  CabinetCredentials,
  IdentityStore,
  MailTokenRecord,
  UserRecord,
} from '../src/identity/store/identity-store.port.js';

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
  className: null,
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

const cabinet = (accountNumber: string, over: Partial<CabinetCredentials> = {}): CabinetCredentials => ({
  accountNumber,
  passwordHash: null,
  temporaryPasswordHash: 'scrypt$temporary',
  temporaryPasswordExpiresAt: '2024-01-19T09:00:00.000Z',
  email: null,
  emailConfirmed: false,
  updatedAt: '2024-01-18T09:00:00.000Z',
  ...over,
});

const mailToken = (tokenHash: string, over: Partial<MailTokenRecord> = {}): MailTokenRecord => ({
  tokenHash,
  purpose: 'confirm_email',
  accountNumber: '0242013138',
  email: 'mama@example.org',
  expiresAt: '2024-01-20T09:00:00.000Z',
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

    it("keeps a class teacher's class", async () => {
      const teacher = user('teacher.3b', { role: 'class_teacher', className: '03Б' });
      expect(await store.insertUser(teacher)).toBe(true);
      expect(await store.findUser('teacher.3b')).toEqual(teacher);
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

    it("keeps a cabinet's credentials per account, replacing them", async () => {
      expect(await store.findCabinetCredentials('0242013138')).toBeNull();
      await store.saveCabinetCredentials(cabinet('0242013138'));
      await store.saveCabinetCredentials(cabinet('0252000017'));
      const confirmed = cabinet('0242013138', {
        passwordHash: 'scrypt$permanent',
        temporaryPasswordHash: null,
        temporaryPasswordExpiresAt: null,
        email: 'mama@example.org',
        emailConfirmed: true,
      });
      await store.saveCabinetCredentials(confirmed);
      expect(await store.findCabinetCredentials('0242013138')).toEqual(confirmed);
      expect(await store.findCabinetCredentials('0252000017')).toEqual(cabinet('0252000017'));
    });

    it('hands out a mail token once, and never after it expired', async () => {
      await store.insertMailToken(mailToken('t1'));
      await store.insertMailToken(
        mailToken('t2', { purpose: 'reset_password', expiresAt: '2024-01-18T10:00:00.000Z' }),
      );
      expect(await store.takeMailToken('t1', '2024-01-18T09:00:00.000Z')).toEqual(mailToken('t1'));
      expect(await store.takeMailToken('t1', '2024-01-18T09:00:00.000Z')).toBeNull();
      expect(await store.takeMailToken('t2', '2024-01-18T10:00:00.000Z')).toBeNull();
      expect(await store.takeMailToken('unknown', '2024-01-18T09:00:00.000Z')).toBeNull();
      const taken = await Promise.all(
        Array.from({ length: 5 }, async () => {
          await store.insertMailToken(mailToken('race')).catch(() => undefined);
          return store.takeMailToken('race', '2024-01-18T09:00:00.000Z');
        }),
      );
      expect(taken.filter((token) => token !== null).length).toBeGreaterThanOrEqual(1);
    });

    it('remembers revoked sessions until they expire, and the access audit trail in order', async () => {
      expect(await store.isSessionRevoked('s1')).toBe(false);
      await store.revokeSession('s1', '2099-01-18T21:00:00.000Z', '2024-01-18T09:00:00.000Z');
      await store.revokeSession('s1', '2099-01-18T21:00:00.000Z', '2024-01-18T09:00:00.000Z');
      expect(await store.isSessionRevoked('s1')).toBe(true);
      expect(await store.isSessionRevoked('s2')).toBe(false);

      const entry = (action: 'temporary_password_issued' | 'password_changed', at: string) => ({
        at,
        actor: 'key:till-24-01',
        action,
        accountNumber: '0242013138',
      });
      await store.appendAccessAudit(entry('temporary_password_issued', '2024-01-18T09:00:00.000Z'));
      await store.appendAccessAudit(entry('password_changed', '2024-01-18T09:05:00.000Z'));
      await store.appendAccessAudit({ ...entry('password_changed', '2024-01-18T09:06:00.000Z'), accountNumber: 'x' });
      await store.close();
      store = await t.reopen();
      expect(await store.isSessionRevoked('s1')).toBe(true);
      expect(await store.listAccessAudit('0242013138')).toEqual([
        entry('temporary_password_issued', '2024-01-18T09:00:00.000Z'),
        entry('password_changed', '2024-01-18T09:05:00.000Z'),
      ]);
    });

    it('of concurrent inserts of one username exactly one wins', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => store.insertUser(user('race', { passwordHash: `h${i}` }))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
