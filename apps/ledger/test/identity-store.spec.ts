import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openSqliteReadModelStore } from '@meals/read-model-store/sqlite';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { IdentityDirectory } from '../src/identity/identity-directory.js';
import { openMongoIdentityStore } from '../src/identity/store/mongo-identity-store.js';
import { openSqliteIdentityStore } from '../src/identity/store/sqlite-identity-store.js';
import { describeIdentityStoreContract } from './identity-store.contract.js';

describeIdentityStoreContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'identity-store-'));
  const path = join(dir, 'identity.db');
  return {
    open: async () => openSqliteIdentityStore({ path }),
    reopen: async () => openSqliteIdentityStore({ path }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

const mongoUrl = process.env['MONGODB_URL'];
if (mongoUrl) {
  describeIdentityStoreContract('MongoDB', () => {
    const dbName = `identity_contract_${randomUUID().slice(0, 8)}`;
    const open = () => openMongoIdentityStore({ url: mongoUrl, dbName, serverSelectionTimeoutMS: 3000 });
    return {
      open,
      reopen: open,
      async cleanup() {
        const client = await MongoClient.connect(mongoUrl, { serverSelectionTimeoutMS: 3000 });
        await client.db(dbName).dropDatabase();
        await client.close();
      },
    };
  });

  it('MongoDB: the identity database of the earlier layout (read-model adapter) is read as it is', async () => {
    const dbName = `identity_legacy_${randomUUID().slice(0, 8)}`;
    const client = await MongoClient.connect(mongoUrl, { serverSelectionTimeoutMS: 3000 });
    try {
      const db = client.db(dbName);
      await db.collection('api_keys').createIndexes([{ name: 'ix_name', key: { name: 1 } }]);
      await db.collection<{ _id: string; [field: string]: unknown }>('api_keys').insertOne({
        _id: 'key-hash',
        name: 'till-24-01',
        role: 'till',
        departmentId: null,
        schoolId: '24',
        tillId: '24-01',
        createdAt: 'x',
      });
      await db.collection<{ _id: string; [field: string]: unknown }>('users').insertOne({
        _id: 'olga',
        username: 'olga',
        passwordHash: 'h',
        role: 'admin',
        departmentId: null,
        schoolId: null,
        createdAt: 'x',
      });
      const store = await openMongoIdentityStore({ url: mongoUrl, dbName, serverSelectionTimeoutMS: 3000 });
      expect(await store.findUser('olga')).toMatchObject({ username: 'olga', role: 'admin' });
      expect(
        await store.insertApiKey('other-hash', {
          name: 'till-24-01',
          role: 'till',
          departmentId: null,
          schoolId: '24',
          tillId: '24-02',
          createdAt: 'x',
        }),
      ).toBe(false);
      await store.close();
    } finally {
      await client.db(dbName).dropDatabase();
      await client.close();
    }
  });
} else {
  describe('IdentityStore contract: MongoDB', () => {
    it.skip('runs only when MONGODB_URL is set; not set here', () => {});
  });
}

describe('SQLite identity store: an identity.db of the earlier layout (read-model store tables)', () => {
  it('is migrated on open: users, keys and the reconciler checkpoint stay, login attempts go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'identity-legacy-'));
    const path = join(dir, 'identity.db');
    try {
      const legacy = await openSqliteReadModelStore({ path });
      await legacy.ensureCollections([
        { name: 'users', indexes: [] },
        { name: 'api_keys', indexes: [['name']] },
        { name: 'login_attempts', indexes: [] },
      ]);
      const olga = {
        username: 'olga',
        passwordHash: 'scrypt$x',
        role: 'admin',
        departmentId: null,
        schoolId: null,
        createdAt: '2024-01-18T09:00:00.000Z',
      };
      const till = {
        name: 'till-24-01',
        role: 'till',
        departmentId: null,
        schoolId: '24',
        tillId: '24-01',
        createdAt: '2024-01-18T09:00:00.000Z',
      };
      await legacy.commit(
        [
          { op: 'put', collection: 'users', id: 'olga', doc: olga },
          { op: 'put', collection: 'api_keys', id: 'key-hash', doc: till },
          {
            op: 'put',
            collection: 'login_attempts',
            id: 'olga|10.0.0.1',
            doc: { failures: ['2024-01-18T09:00:00.000Z'] },
          },
        ],
        { name: 'ledger-transfer-reconciler', position: '1234' },
      );
      await legacy.close();

      const store = openSqliteIdentityStore({ path });
      expect(await store.findUser('olga')).toEqual({ ...olga, className: null });
      expect(await store.findApiKey('key-hash')).toEqual(till);
      expect(await store.getCheckpoint('ledger-transfer-reconciler')).toBe('1234');
      expect(await new IdentityDirectory(store).principalForKeyHash('key-hash')).toMatchObject({
        id: 'key:till-24-01',
        schoolId: '24',
      });
      await store.close();

      // a second open finds nothing left to migrate
      const again = openSqliteIdentityStore({ path });
      expect((await again.listUsers()).map((u) => u.username)).toEqual(['olga']);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite identity store: an identity.db from before class teachers', () => {
  it('gets the class column on open: its users stay, with no class', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'identity-classless-'));
    try {
      const path = join(dir, 'identity.db');
      const old = new Database(path);
      old.exec(`CREATE TABLE users (
        username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
        department_id TEXT, school_id TEXT, created_at TEXT NOT NULL) WITHOUT ROWID`);
      old
        .prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)')
        .run('olga', 'scrypt$x', 'school_staff', null, '24', '2024-01-18T09:00:00.000Z');
      old.close();
      const store = openSqliteIdentityStore({ path });
      expect(await store.findUser('olga')).toMatchObject({ username: 'olga', schoolId: '24', className: null });
      const teacher = {
        username: 'teacher',
        passwordHash: 'scrypt$y',
        role: 'class_teacher' as const,
        departmentId: null,
        schoolId: '24',
        className: '03Б',
        createdAt: '2024-01-18T09:00:00.000Z',
      };
      expect(await store.insertUser(teacher)).toBe(true);
      expect(await store.findUser('teacher')).toEqual(teacher);
      await store.close();
      // opening it again changes nothing
      const again = openSqliteIdentityStore({ path });
      expect(await again.findUser('teacher')).toEqual(teacher);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
