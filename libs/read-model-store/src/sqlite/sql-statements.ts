import { assertCollectionName, CHECKPOINTS } from '../names.js';
import type { CollectionSpec, Query } from '../read-model-store.port.js';
import { fieldExpression, limitClause, orderClause, whereClause, type SqlFragment } from './sql-query.js';

/** The SQL text of the SQLite read-model layout (one table per collection + checkpoints). */

export const tableName = (collection: string): string => `"rm_${collection}"`;

/** A document parameter: JSON text, or its UTF-8 bytes (bound as a BLOB) read as text. */
const DOC_PARAM = 'CAST(? AS TEXT)';

export const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (name TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID`;

/**
 * How a collection's table is keyed: `primary-key` (id TEXT PRIMARY KEY) for live use;
 * `deferred-id-index` for a bulk load, where rows are appended by rowid and the unique
 * index on id (idIndexDdl) is built once at the end, which is much cheaper than keeping a
 * b-tree of random ids (event ids) up to date row by row. Queries and upserts work the
 * same on both once the id index exists.
 */
export type TableLayout = 'primary-key' | 'deferred-id-index';

/** Table and expression indexes (`json_extract(doc, '$.field')`, the form queries use). */
export function collectionDdl(spec: CollectionSpec, layout: TableLayout = 'primary-key'): string[] {
  assertCollectionName(spec.name);
  const table = tableName(spec.name);
  const id = layout === 'primary-key' ? 'id TEXT PRIMARY KEY' : 'id TEXT NOT NULL';
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (${id}, doc TEXT NOT NULL)`,
    ...spec.indexes.map(
      (fields) =>
        `CREATE INDEX IF NOT EXISTS "ix_${spec.name}__${fields.join('_')}" ON ${table} (${fields.map(fieldExpression).join(', ')})`,
    ),
  ];
}

/** The unique id index of a `deferred-id-index` table (what `id TEXT PRIMARY KEY` gives the other layout). */
export const idIndexDdl = (collection: string): string =>
  `CREATE UNIQUE INDEX IF NOT EXISTS "ux_${collection}__id" ON ${tableName(collection)} (id)`;

export const tableExistsSql = `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`;
export const tableExistsParam = (collection: string): string => `rm_${collection}`;

export const getSql = (collection: string): string => `SELECT doc FROM ${tableName(collection)} WHERE id = ?`;

/** Ids bound as one JSON array: one statement for any number of ids. */
export const getManySql = (collection: string): string =>
  `SELECT id, doc FROM ${tableName(collection)} WHERE id IN (SELECT value FROM json_each(?))`;

export const upsertSql = (collection: string): string =>
  `INSERT INTO ${tableName(collection)} (id, doc) VALUES (?, ${DOC_PARAM}) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`;

/** An insert op: fails on an id the table holds. */
export const insertSql = (collection: string): string =>
  `INSERT INTO ${tableName(collection)} (id, doc) VALUES (?, ${DOC_PARAM})`;

export const deleteSql = (collection: string): string => `DELETE FROM ${tableName(collection)} WHERE id = ?`;

// Bulk load: rows addressed by rowid (see BulkRowIds), inserted many per statement.

const insertRowsSqls = new Map<string, string>();

/** `rows` new rows per statement, each bound as (rowid, id, doc); the same string each time (its hash is kept). */
export function insertRowsSql(collection: string, rows: number): string {
  const key = `${collection}\u0000${rows}`;
  let sql = insertRowsSqls.get(key);
  if (sql === undefined) {
    sql = `INSERT INTO ${tableName(collection)} (rowid, id, doc) VALUES ${Array.from({ length: rows }, () => `(?, ?, ${DOC_PARAM})`).join(', ')}`;
    insertRowsSqls.set(key, sql);
  }
  return sql;
}

export const updateByRowidSql = (collection: string): string =>
  `UPDATE ${tableName(collection)} SET doc = ${DOC_PARAM} WHERE rowid = ?`;

export const deleteByRowidSql = (collection: string): string => `DELETE FROM ${tableName(collection)} WHERE rowid = ?`;

export const rowidsSql = (collection: string): string => `SELECT id, rowid FROM ${tableName(collection)}`;

/** The (id, rowid) pairs from a rowid on. */
export const rowidsFromSql = (collection: string): string =>
  `SELECT id, rowid FROM ${tableName(collection)} WHERE rowid >= ?`;

/** Rowids bound as one JSON array. */
export const getManyByRowidSql = (collection: string): string =>
  `SELECT id, doc FROM ${tableName(collection)} WHERE rowid IN (SELECT value FROM json_each(?))`;

export const clearSql = (collection: string): string => `DELETE FROM ${tableName(collection)}`;

export function findSql(collection: string, query: Query): SqlFragment {
  const where = whereClause(query);
  const limit = limitClause(query.limit);
  return {
    sql: `SELECT doc FROM ${tableName(collection)}${where.sql}${orderClause(query.orderBy)}${limit.sql}`,
    params: [...where.params, ...limit.params],
  };
}

export function countSql(collection: string, query: Pick<Query, 'where' | 'range'>): SqlFragment {
  const where = whereClause(query);
  return { sql: `SELECT count(*) FROM ${tableName(collection)}${where.sql}`, params: where.params };
}

export const checkpointUpsertSql = `INSERT INTO ${CHECKPOINTS} (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position`;
export const checkpointGetSql = `SELECT position FROM ${CHECKPOINTS} WHERE name = ?`;
export const checkpointDeleteSql = `DELETE FROM ${CHECKPOINTS} WHERE name = ?`;
