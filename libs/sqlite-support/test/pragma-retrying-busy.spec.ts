import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { pragmaRetryingBusy } from '../src/index.js';

describe('pragmaRetryingBusy', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pragma-busy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('switches to WAL once another thread holding the file lets go', async () => {
    const path = join(dir, 'db.sqlite');
    // another connection, on another thread, holds an exclusive lock for 300 ms
    const holder = new Worker(
      `const Database = require('better-sqlite3');
       const { parentPort, workerData } = require('node:worker_threads');
       const db = new Database(workerData);
       db.exec('CREATE TABLE t (x)');
       db.exec('BEGIN EXCLUSIVE');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: path },
    );
    await once(holder, 'message');
    const db = new Database(path, { timeout: 0 });
    expect(() => db.pragma('journal_mode = WAL')).toThrow(/locked|busy/i);
    expect(pragmaRetryingBusy(db, 'journal_mode = WAL', 5_000)).toEqual([{ journal_mode: 'wal' }]);
    db.close();
    await once(holder, 'exit');
  });

  it('gives up with the busy error after the timeout', () => {
    const path = join(dir, 'db.sqlite');
    const holder = new Database(path);
    holder.exec('CREATE TABLE t (x)');
    holder.exec('BEGIN EXCLUSIVE');
    const other = new Database(path, { timeout: 0 });
    const started = Date.now();
    expect(() => pragmaRetryingBusy(other, 'journal_mode = WAL', 200)).toThrow(/locked|busy/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    other.close();
    holder.exec('COMMIT');
    holder.close();
  });

  it('rethrows other errors at once', () => {
    const db = new Database(':memory:');
    expect(() => pragmaRetryingBusy(db, 'journal_mode = = WAL', 2_000)).toThrow(/syntax/i);
    db.close();
  });
});
