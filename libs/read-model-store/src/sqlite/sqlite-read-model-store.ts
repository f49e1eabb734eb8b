import { UnknownCollectionError } from '../changes.js';
import { assertCollectionName } from '../names.js';
import {
  checkpointList,
  type Change,
  Checkpoint,
  CollectionSpec,
  Doc,
  Query,
  ReadModelStore,
} from '../read-model-store.port.js';
import { TableRowIds } from './bulk-row-ids.js';
import { bulkWriteRows } from './bulk-writes.js';
import type { EncodedInserts } from './encoded-inserts.js';
import { serializeChanges, type SerializedChanges } from './serialized-change.js';
import { SqliteExecutor, type WriteRow } from './sqlite-executor.js';
import {
  checkpointDeleteSql,
  checkpointGetSql,
  checkpointUpsertSql,
  CHECKPOINTS_DDL,
  clearSql,
  collectionDdl,
  countSql,
  deleteSql,
  findSql,
  getManyByRowidSql,
  getManySql,
  getSql,
  idIndexDdl,
  insertSql,
  rowidsFromSql,
  rowidsSql,
  tableExistsParam,
  tableExistsSql,
  upsertSql,
} from './sql-statements.js';

export interface SqliteReadModelStoreOptions {
  path: string;
  /** default NORMAL: read models can be rebuilt, and the checkpoint moves in the same transaction anyway */
  synchronous?: 'FULL' | 'NORMAL' | 'OFF';
  /**
   * For building a fresh file that nobody else reads (a rebuild before a swap): no WAL,
   * in-memory rollback journal, synchronous OFF, exclusive lock, 128 MB page cache. New
   * tables get their id index only at `close` (TableLayout `deferred-id-index`); until
   * then this store, the file's only writer, finds rows by rowid. A crash leaves a broken
   * file that the builder throws away.
   */
  bulkLoad?: boolean;
}

/** Ids per `getMany` round trip (bound as one JSON array). */
const GET_MANY_CHUNK = 2000;

/** What a bulk-loading store knows that the file does not say yet. */
interface BulkLoad {
  /** id → rowid per table, loaded on first use */
  rowIds: Map<string, TableRowIds>;
  /** tables created by this store whose id index is built at close */
  deferredIdIndexes: Set<string>;
}

/**
 * Read models in one SQLite file: a table per collection `(id TEXT PRIMARY KEY, doc TEXT)`
 * holding the document as JSON, expression indexes on `json_extract(doc, '$.field')` for
 * the declared indexes, and the projection checkpoints in `_checkpoints`, written in the
 * same transaction as the documents.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly knownTables = new Set<string>();
  private readonly bulk: BulkLoad | null;
  private closed = false;

  constructor(
    private readonly executor: SqliteExecutor,
    options: { bulkLoad?: boolean } = {},
  ) {
    this.bulk = options.bulkLoad ? { rowIds: new Map(), deferredIdIndexes: new Set() } : null;
  }

  async ensureCollections(specs: CollectionSpec[]): Promise<void> {
    if (!this.bulk) {
      this.executor.execAll(specs.flatMap((spec) => collectionDdl(spec)));
    } else {
      const created = specs.filter((spec) => !this.tableExists(spec.name)).map((spec) => spec.name);
      this.executor.execAll(specs.flatMap((spec) => collectionDdl(spec, 'deferred-id-index')));
      for (const name of created) this.bulk.deferredIdIndexes.add(name);
    }
    for (const spec of specs) this.knownTables.add(spec.name);
  }

  async get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    if (this.bulk) return (await this.getMany<T>(collection, [id])).get(id) ?? null;
    if (!this.tableExists(collection)) return null;
    const [row] = this.executor.all(getSql(collection), [id]);
    return row ? (JSON.parse(row[0] as string) as T) : null;
  }

  async getMany<T extends Doc = Doc>(collection: string, ids: string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (ids.length === 0 || !this.tableExists(collection)) return found;
    let sql = getManySql(collection);
    let keys: (string | number)[] = ids;
    if (this.bulk) {
      const rowIds = this.rowIdsOf(collection, true);
      sql = getManyByRowidSql(collection);
      keys = ids.map((id) => rowIds.get(id)).filter((rowid) => rowid !== undefined);
    }
    for (let start = 0; start < keys.length; start += GET_MANY_CHUNK) {
      const rows = this.executor.all(sql, [JSON.stringify(keys.slice(start, start + GET_MANY_CHUNK))]);
      for (const [id, text] of rows) found.set(id as string, JSON.parse(text as string) as T);
    }
    return found;
  }

  async find<T extends Doc = Doc>(collection: string, query: Query = {}): Promise<T[]> {
    if (!this.tableExists(collection)) return [];
    const { sql, params } = findSql(collection, query);
    const rows = this.executor.all(sql, params);
    return rows.map((row) => JSON.parse(row[0] as string) as T);
  }

  async count(collection: string, query: Pick<Query, 'where' | 'range'> = {}): Promise<number> {
    if (!this.tableExists(collection)) return 0;
    const { sql, params } = countSql(collection, query);
    const [row] = this.executor.all(sql, params);
    return row![0] as number;
  }

  async commit(changes: Change[], checkpoint?: Checkpoint | readonly Checkpoint[]): Promise<void> {
    // documents are serialised before the transaction starts: a document that cannot be
    // stored fails the whole commit with nothing applied
    this.commitSerialized(serializeChanges(changes), checkpoint);
  }

  /** `commit` of changes serialised by serializeChanges (possibly on another thread). */
  commitSerialized(changes: SerializedChanges, checkpoint?: Checkpoint | readonly Checkpoint[]): void {
    const sqls: string[] = [];
    const sqlIndex = new Map<string, number>();
    const indexOf = (sql: string): number => {
      let index = sqlIndex.get(sql);
      if (index === undefined) sqlIndex.set(sql, (index = sqls.push(sql) - 1));
      return index;
    };
    const collections = new Set(changes.collections);
    for (const collection of collections) {
      if (!this.tableExists(collection)) throw new UnknownCollectionError(collection);
    }
    // a bulk load's row locations move with the transaction
    const rowIds = this.bulk ? [...collections].map((collection) => this.rowIdsOf(collection, false)) : [];
    rowIds.forEach((table) => table.begin());
    try {
      const rows: WriteRow[] = this.bulk
        ? bulkWriteRows(changes, (collection, lookups) => this.rowIdsOf(collection, lookups), indexOf)
        : upsertRows(changes, indexOf);
      for (const { name, position } of checkpointList(checkpoint))
        rows.push([indexOf(checkpointUpsertSql), name, position]);
      if (rows.length > 0) this.executor.write(sqls, rows);
    } catch (error) {
      rowIds.forEach((table) => table.rollback());
      throw error;
    }
    rowIds.forEach((table) => table.commit());
  }

  /** Inserts documents encoded elsewhere (see EncodedInserts), in one transaction. */
  insertEncoded({ collection, ids, utf8, ends }: EncodedInserts): void {
    const jsons: Uint8Array[] = [];
    for (let i = 0, start = 0; i < ids.length; start = ends[i++]!) jsons.push(utf8.subarray(start, ends[i]));
    this.commitSerialized({
      collections: ids.map(() => collection),
      ids,
      jsons,
      inserts: new Uint8Array(ids.length).fill(1),
    });
  }

  async getCheckpoint(name: string): Promise<string | null> {
    const [row] = this.executor.all(checkpointGetSql, [name]);
    return row ? (row[0] as string) : null;
  }

  async clear(collections: string[], checkpoints: string[] = []): Promise<void> {
    collections.forEach(assertCollectionName);
    const sqls: string[] = [checkpointDeleteSql];
    const rows: WriteRow[] = checkpoints.map((name) => [0, name]);
    for (const collection of collections) {
      if (this.tableExists(collection)) rows.push([sqls.push(clearSql(collection)) - 1]);
    }
    if (rows.length > 0) this.executor.write(sqls, rows);
    for (const collection of collections) this.bulk?.rowIds.delete(collection);
  }

  /** A bulk load builds the id indexes it deferred first. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.bulk) this.executor.execAll([...this.bulk.deferredIdIndexes].map(idIndexDdl));
    } finally {
      this.executor.close();
    }
  }

  /** `lookups`: ids will be looked up, so rows appended unremembered are read back first. */
  private rowIdsOf(collection: string, lookups: boolean): TableRowIds {
    const rowIds = this.bulk!.rowIds;
    let table = rowIds.get(collection);
    if (!table) {
      table = TableRowIds.of(this.executor.all(rowidsSql(collection), []) as [string, number][]);
      rowIds.set(collection, table);
    }
    if (lookups && table.unrememberedFrom !== null) {
      table.remember(this.executor.all(rowidsFromSql(collection), [table.unrememberedFrom]) as [string, number][]);
    }
    return table;
  }

  /** Tables created by another connection (the projections process) are found on first use. */
  private tableExists(collection: string): boolean {
    if (this.knownTables.has(collection)) return true;
    assertCollectionName(collection);
    const rows = this.executor.all(tableExistsSql, [tableExistsParam(collection)]);
    if (rows.length > 0) this.knownTables.add(collection);
    return rows.length > 0;
  }
}

/** Live writes: upserts, inserts (failing on a known id) and deletes by id. */
function upsertRows(
  { collections, ids, jsons, inserts }: SerializedChanges,
  indexOf: (sql: string) => number,
): WriteRow[] {
  const statementsOf = new Map<string, { upsert: number; insert: number; delete: number }>();
  return ids.map((id, i) => {
    const collection = collections[i]!;
    let statements = statementsOf.get(collection);
    if (!statements) {
      statements = {
        upsert: indexOf(upsertSql(collection)),
        insert: indexOf(insertSql(collection)),
        delete: indexOf(deleteSql(collection)),
      };
      statementsOf.set(collection, statements);
    }
    const json = jsons[i] as string | Uint8Array | null;
    if (json === null) return [statements.delete, id];
    return [inserts[i] === 1 ? statements.insert : statements.upsert, id, json];
  });
}

function pragmasFor(options: SqliteReadModelStoreOptions): string[] {
  // the busy timeout is the connection's own (SqliteExecutor)
  const common = ['temp_store = MEMORY'];
  if (options.bulkLoad) {
    // A page cache far smaller than the file: a bulk load appends, and what it evicts is
    // still in the OS page cache when the index builds read it back; a cache the size of
    // the file only costs memory (~0.5 GB more per million statement lines, all fresh pages).
    return [
      'locking_mode = EXCLUSIVE',
      'journal_mode = MEMORY',
      'synchronous = OFF',
      'cache_size = -131072',
      ...common,
    ];
  }
  return ['journal_mode = WAL', `synchronous = ${options.synchronous ?? 'NORMAL'}`, 'cache_size = -65536', ...common];
}

export async function openSqliteReadModelStore(options: SqliteReadModelStoreOptions): Promise<SqliteReadModelStore> {
  const executor = new SqliteExecutor({ path: options.path, pragmas: pragmasFor(options) });
  try {
    executor.execAll([CHECKPOINTS_DDL]);
  } catch (error) {
    executor.close();
    throw error;
  }
  return new SqliteReadModelStore(executor, { bulkLoad: options.bulkLoad });
}
