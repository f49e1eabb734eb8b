import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Replacing a read-model file that was rebuilt aside. SQLite ties `<file>-wal` to the file
 * by NAME, so a file must never be swapped while another connection uses the old one (its
 * WAL would be replayed into the new file). Leaving WAL mode needs every other connection
 * closed: that is the proof that nobody uses it, and the exclusive lock held during the
 * rename keeps newcomers out until the new file is in place.
 */

export class SqliteFileInUseError extends Error {
  constructor(readonly path: string) {
    super(`${path} is in use by another process: stop the services that read or write it first`);
    this.name = 'SqliteFileInUseError';
  }
}

/** Throws SqliteFileInUseError when another connection has the file open. */
export function assertSqliteFileNotInUse(path: string): void {
  if (!existsSync(path)) return;
  const db = lockExclusively(path);
  db.exec('ROLLBACK');
  db.close();
}

/** Atomically renames `builtPath` over `path` once nobody uses `path`. */
export function swapSqliteFile(builtPath: string, path: string): void {
  if (!existsSync(path)) {
    renameSync(builtPath, path);
    return;
  }
  const old = lockExclusively(path);
  try {
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    renameSync(builtPath, path);
  } finally {
    old.exec('ROLLBACK');
    old.close();
  }
}

function lockExclusively(path: string): Database.Database {
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new SqliteFileInUseError(path);
    throw error;
  }
}
