/**
 * Runs SQL on one SQLite connection: DDL, raw-row reads, and batches of writes in one
 * transaction, with prepared statements cached by their text.
 */
import Database from 'better-sqlite3';
import { asStorageFull, DEFAULT_BUSY_TIMEOUT_MS, pragmaRetryingBusy } from '@meals/sqlite-support';
import type { SqlValue } from './sql-query.js';

/** A parameter of a write: bytes are bound as a BLOB (the SQL casts UTF-8 JSON to TEXT). */
export type WriteValue = SqlValue | Uint8Array;

/** One write: the index of its SQL text in the batch's `sqls`, then its parameters. */
export type WriteRow = [number, ...WriteValue[]];

export interface ExecutorOptions {
  path: string;
  pragmas: string[];
}

export class SqliteExecutor {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement<WriteValue[]>>();
  private readonly execAllTransaction: (sqls: string[]) => void;
  private readonly writeTransaction: (sqls: string[], rows: WriteRow[]) => void;

  constructor(options: ExecutorOptions) {
    this.db = new Database(options.path, { timeout: DEFAULT_BUSY_TIMEOUT_MS });
    try {
      for (const pragma of options.pragmas) pragmaRetryingBusy(this.db, pragma, DEFAULT_BUSY_TIMEOUT_MS);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.execAllTransaction = this.db.transaction((sqls: string[]) => {
      for (const sql of sqls) this.db.exec(sql);
    });
    this.writeTransaction = this.db.transaction((sqls: string[], rows: WriteRow[]) => {
      const batch = sqls.map((sql) => this.prepared(sql));
      for (const row of rows) {
        const statement = batch[row[0]]!;
        if (row.length === 3) statement.run(row[1]!, row[2]!);
        else statement.run(...(row.slice(1) as WriteValue[]));
      }
    });
  }

  /** DDL statements, in one transaction. */
  execAll(sqls: string[]): void {
    try {
      this.execAllTransaction(sqls);
    } catch (error) {
      throw asStorageFull(error, 'read-model store');
    }
  }

  /** Rows as arrays of column values. */
  all(sql: string, params: SqlValue[]): SqlValue[][] {
    return this.prepared(sql)
      .raw(true)
      .all(...params) as SqlValue[][];
  }

  /** Every row applied, or none (one transaction). */
  write(sqls: string[], rows: WriteRow[]): void {
    try {
      this.writeTransaction(sqls, rows);
    } catch (error) {
      throw asStorageFull(error, 'read-model store');
    }
  }

  close(): void {
    if (!this.db.open) return;
    this.statements.clear();
    this.db.pragma('optimize');
    this.db.close();
  }

  private prepared(sql: string): Database.Statement<WriteValue[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<WriteValue[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
