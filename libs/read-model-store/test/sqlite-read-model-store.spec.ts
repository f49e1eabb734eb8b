import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  openSqliteBulkLoadThread,
  openSqliteReadModelStore,
  type SqliteReadModelStoreOptions,
} from '@meals/read-model-store/sqlite';
import { findSql } from '../src/sqlite/sql-statements.js';
import { describeReadModelStoreContract } from './read-model-store.contract.js';

const sqliteFixture = (options: Omit<SqliteReadModelStoreOptions, 'path'>) => async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rms-sqlite-'));
  return {
    open: () => openSqliteReadModelStore({ ...options, path: join(dir, 'read-models.db') }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

describeReadModelStoreContract('SQLite (temp file)', sqliteFixture({}));
describeReadModelStoreContract('SQLite (bulk load mode)', sqliteFixture({ bulkLoad: true }), {
  numRuns: 20,
  insertConflictFailsCommit: false,
});
describeReadModelStoreContract(
  'SQLite (bulk load on a thread)',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rms-sqlite-'));
    return {
      open: () => openSqliteBulkLoadThread({ path: join(dir, 'read-models.db') }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { numRuns: 20, insertConflictFailsCommit: false },
);

describe('SQLite read-model store specifics', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rms-sqlite-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rolls back a commit that fails inside the transaction: earlier changes and the checkpoint are not applied', async () => {
    const path = join(dir, 'read-models.db');
    const store = await openSqliteReadModelStore({ path });
    await store.ensureCollections([
      { name: 'lines', indexes: [] },
      { name: 'doomed', indexes: [] },
    ]);
    await store.commit([{ op: 'put', collection: 'lines', id: 'a', doc: { n: 1 } }], { name: 'p', position: '1' });
    // another connection drops a table behind the store's back: the second write fails in SQL
    const other = new Database(path);
    other.exec('DROP TABLE rm_doomed');
    other.close();
    await expect(
      store.commit(
        [
          { op: 'put', collection: 'lines', id: 'a', doc: { n: 2 } },
          { op: 'put', collection: 'lines', id: 'b', doc: { n: 3 } },
          { op: 'put', collection: 'doomed', id: 'x', doc: {} },
        ],
        { name: 'p', position: '2' },
      ),
    ).rejects.toThrow(/no such table/);
    expect(await store.get('lines', 'a')).toEqual({ _id: 'a', n: 1 });
    expect(await store.get('lines', 'b')).toBeNull();
    expect(await store.getCheckpoint('p')).toBe('1');
    await store.close();
  });

  it('uses the expression indexes for filtered, ordered queries', async () => {
    const path = join(dir, 'read-models.db');
    const store = await openSqliteReadModelStore({ path });
    await store.ensureCollections([{ name: 'statement_lines', indexes: [['accountNumber', 'at']] }]);
    await store.close();
    const db = new Database(path, { readonly: true });
    const { sql, params } = findSql('statement_lines', {
      where: { accountNumber: '0240000011' },
      range: { field: 'at', gte: '2025-09-01' },
      orderBy: [{ field: 'at', direction: 'asc' }],
    });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    db.close();
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING INDEX ix_statement_lines__accountNumber_at/);
  });
});
