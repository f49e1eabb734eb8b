import { storedDoc, UnknownCollectionError } from '../changes.js';
import { assertCollectionName } from '../names.js';
import type {
  Change,
  Checkpoint,
  CollectionSpec,
  Doc,
  Query,
  ReadModelStore,
} from '../read-model-store.port.js';
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
  getManySql,
  getSql,
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
   * in-memory rollback journal, synchronous OFF, exclusive lock, large page cache.
   * A crash leaves a broken file that the builder throws away.
   */
  bulkLoad?: boolean;
}

/** Ids per `getMany` round trip (bound as one JSON array). */
const GET_MANY_CHUNK = 2000;

/**
 * Read models in one SQLite file: a table per collection `(id TEXT PRIMARY KEY, doc TEXT)`
 * holding the document as JSON, expression indexes on `json_extract(doc, '$.field')` for
 * the declared indexes, and the projection checkpoints in `_checkpoints`, written in the
 * same transaction as the documents.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly knownTables = new Set<string>();
  private closed = false;

  constructor(private readonly executor: SqliteExecutor) {}

  async ensureCollections(specs: CollectionSpec[]): Promise<void> {
    this.executor.execAll(specs.flatMap(collectionDdl));
    for (const spec of specs) this.knownTables.add(spec.name);
  }

  async get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    if (!this.tableExists(collection)) return null;
    const [row] = this.executor.all(getSql(collection), [id]);
    return row ? (JSON.parse(row[0] as string) as T) : null;
  }

  async getMany<T extends Doc = Doc>(collection: string, ids: string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (ids.length === 0 || !this.tableExists(collection)) return found;
    const sql = getManySql(collection);
    for (let start = 0; start < ids.length; start += GET_MANY_CHUNK) {
      const rows = this.executor.all(sql, [JSON.stringify(ids.slice(start, start + GET_MANY_CHUNK))]);
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

  async commit(changes: Change[], checkpoint?: Checkpoint): Promise<void> {
    const sqls: string[] = [];
    const sqlIndex = new Map<string, number>();
    const indexOf = (sql: string): number => {
      let index = sqlIndex.get(sql);
      if (index === undefined) sqlIndex.set(sql, (index = sqls.push(sql) - 1));
      return index;
    };
    const statementsOf = new Map<string, { upsert: number; delete: number }>();
    for (const { collection } of changes) {
      if (statementsOf.has(collection)) continue;
      if (!this.tableExists(collection)) throw new UnknownCollectionError(collection);
      statementsOf.set(collection, { upsert: indexOf(upsertSql(collection)), delete: indexOf(deleteSql(collection)) });
    }
    // documents are serialised before the transaction starts: a document that cannot be
    // stored fails the whole commit with nothing applied
    const rows: WriteRow[] = changes.map((change) => {
      const statements = statementsOf.get(change.collection)!;
      return change.op === 'put'
        ? [statements.upsert, change.id, JSON.stringify(storedDoc(change))]
        : [statements.delete, change.id];
    });
    if (checkpoint) rows.push([indexOf(checkpointUpsertSql), checkpoint.name, checkpoint.position]);
    if (rows.length > 0) this.executor.write(sqls, rows);
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
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.executor.close();
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

function pragmasFor(options: SqliteReadModelStoreOptions): string[] {
  const common = ['temp_store = MEMORY', `busy_timeout = 5000`];
  if (options.bulkLoad) {
    return ['locking_mode = EXCLUSIVE', 'journal_mode = MEMORY', 'synchronous = OFF', 'cache_size = -1048576', ...common];
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
  return new SqliteReadModelStore(executor);
}
