import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteBulkLoadThread, openSqliteReadModelStore } from '@meals/read-model-store/sqlite';
import { TableRowIds } from '../src/sqlite/bulk-row-ids.js';
import { BULK_INSERT_ROWS, bulkWriteRows } from '../src/sqlite/bulk-writes.js';
import type { SerializedChanges } from '../src/sqlite/serialized-change.js';
import { getSql } from '../src/sqlite/sql-statements.js';

const changes = (
  ...list: [collection: string, id: string, json: string | null, op?: 'insert'][]
): SerializedChanges => ({
  collections: list.map(([collection]) => collection),
  ids: list.map(([, id]) => id),
  jsons: list.map(([, , json]) => json),
  inserts: Uint8Array.from(list, ([, , , op]) => (op === 'insert' ? 1 : 0)),
});

/** a stand-in for a statement index: how many rows the INSERT writes */
const rowsPerInsert = (sql: string): number => sql.match(/\(\?, \?, /g)?.length ?? 0;

describe('bulk load: rows by rowid until the id index is built', () => {
  it('appends new ids many rows per statement, rewrites known ones in place, keeps the order of changes to one row', () => {
    const tables = new Map<string, TableRowIds>([['lines', TableRowIds.of([['old', 7]])]]);
    const sqls: string[] = [];
    const rows = bulkWriteRows(
      changes(
        ['lines', 'a', '{"n":1}'],
        ['lines', 'old', '{"n":2}'],
        ['lines', 'b', '{"n":3}'],
        ['lines', 'a', '{"n":4}'],
        ['lines', 'b', null],
        ['lines', 'c', '{"n":5}'],
      ),
      (collection) => tables.get(collection)!,
      (sql) => (sqls.includes(sql) ? sqls.indexOf(sql) : sqls.push(sql) - 1),
    );
    const verb = (index: number): string => sqls[index]!.split(' ')[0]!;
    expect(rows.map(([index, ...params]) => [verb(index), ...params])).toEqual([
      ['UPDATE', '{"n":2}', 7],
      // a and b wait for a multi-row INSERT until a later change touches one of them
      ['INSERT', 8, 'a', '{"n":1}', 9, 'b', '{"n":3}'],
      ['UPDATE', '{"n":4}', 8],
      ['DELETE', 9],
      ['INSERT', 10, 'c', '{"n":5}'],
    ]);
    const lines = tables.get('lines')!;
    expect(['old', 'a', 'b', 'c'].map((id) => lines.get(id))).toEqual([7, 8, undefined, 10]);
  });

  it(`splits long runs of new rows into INSERTs of ${BULK_INSERT_ROWS} rows`, () => {
    const table = TableRowIds.of([]);
    const list: [string, string, string][] = Array.from({ length: BULK_INSERT_ROWS * 2 + 3 }, (_, i) => [
      'lines',
      `id${i}`,
      '{}',
    ]);
    const rows = bulkWriteRows(changes(...list), () => table, rowsPerInsert);
    expect(rows.map(([rowsPerStatement]) => rowsPerStatement)).toEqual([BULK_INSERT_ROWS, BULK_INSERT_ROWS, 3]);
  });

  it('a commit that only inserts into a table appends without remembering the ids; one that also looks ids up remembers them', () => {
    const lines = TableRowIds.of([['old', 1]]);
    const lookedUp: boolean[] = [];
    const rowIdsOf = (_: string, lookups: boolean): TableRowIds => (lookedUp.push(lookups), lines);
    const sqlIndex = rowsPerInsert;

    const blind = bulkWriteRows(
      changes(['lines', 'e1', '{}', 'insert'], ['lines', 'e2', '{}', 'insert']),
      rowIdsOf,
      sqlIndex,
    );
    expect(blind).toEqual([[2, 2, 'e1', '{}', 3, 'e2', '{}']]);
    expect([lines.get('e1'), lines.unrememberedFrom, lookedUp.every((lookups) => !lookups)]).toEqual([
      undefined,
      2,
      true,
    ]);

    lines.remember([
      ['e1', 2],
      ['e2', 3],
    ]);
    lookedUp.length = 0;
    bulkWriteRows(changes(['lines', 'e3', '{}', 'insert'], ['lines', 'old', '{"n":1}']), rowIdsOf, sqlIndex);
    expect([lines.get('e1'), lines.get('e3'), lines.unrememberedFrom, lookedUp.every(Boolean)]).toEqual([
      2,
      4,
      null,
      true,
    ]);
  });

  it('a rolled back commit forgets the rows it appended unremembered', () => {
    const table = TableRowIds.of([['kept', 1]]);
    table.begin();
    expect(table.appendUnremembered()).toBe(2);
    table.rollback();
    expect([table.unrememberedFrom, table.appendUnremembered()]).toEqual([null, 2]);
  });

  it('a rolled back commit leaves the row locations as they were', () => {
    const table = TableRowIds.of([
      ['kept', 1],
      ['gone', 2],
    ]);
    table.begin();
    table.append('new');
    table.remove('gone');
    table.remove('kept');
    table.append('kept');
    table.rollback();
    expect([table.get('kept'), table.get('gone'), table.get('new')]).toEqual([1, 2, undefined]);
    expect(table.append('next')).toBe(3);
  });
});

describe('a bulk-loaded file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rms-bulk-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['in this thread', (path: string) => openSqliteReadModelStore({ path, bulkLoad: true })],
    ['on a thread', (path: string) => openSqliteBulkLoadThread({ path })],
  ])('built %s gets its id indexes at close and then serves a live store like any other', async (_, openBulk) => {
    const path = join(dir, 'read-models.db');
    const bulk = await openBulk(path);
    await bulk.ensureCollections([{ name: 'lines', indexes: [['account']] }]);
    await bulk.commit(
      Array.from({ length: 300 }, (_, i) => ({
        op: 'put',
        collection: 'lines',
        id: `e${i}`,
        doc: { account: `A${i % 7}` },
      })),
      { name: 'p', position: '300' },
    );
    await bulk.commit([{ op: 'put', collection: 'lines', id: 'e5', doc: { account: 'B' } }]);
    await bulk.close();

    const db = new Database(path, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${getSql('lines')}`).all('e1') as { detail: string }[];
    expect(db.prepare(`SELECT count(*) FROM rm_lines`).pluck().get()).toBe(300);
    db.close();
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING INDEX ux_lines__id/);

    const live = await openSqliteReadModelStore({ path });
    await live.commit([
      { op: 'put', collection: 'lines', id: 'e1', doc: { account: 'C' } },
      { op: 'put', collection: 'lines', id: 'new', doc: { account: 'C' } },
    ]);
    expect(await live.get('lines', 'e5')).toEqual({ _id: 'e5', account: 'B' });
    expect(await live.count('lines', { where: { account: 'C' } })).toBe(2);
    expect(await live.count('lines')).toBe(301);
    expect(await live.getCheckpoint('p')).toBe('300');
    await live.close();
  });

  it('an insert of an id the file holds fails the build at close, when the id index is built', async () => {
    const bulk = await openSqliteBulkLoadThread({ path: join(dir, 'read-models.db') });
    await bulk.ensureCollections([{ name: 'lines', indexes: [] }]);
    await bulk.commit([{ op: 'insert', collection: 'lines', id: 'e1', doc: { n: 1 } }]);
    await bulk.commit([{ op: 'insert', collection: 'lines', id: 'e1', doc: { n: 2 } }]);
    await expect(bulk.close()).rejects.toThrow(/UNIQUE constraint failed/);
  });
});
