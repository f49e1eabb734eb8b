import type Database from 'better-sqlite3';
import { WrongExpectedRevisionError, type AppendResult, type ExpectedRevision } from '../event-store.port.js';
import { resolveRetry, type StoredEventRef } from '../shared/idempotent-retry.js';
import { isExpectedState } from '../shared/validate-append.js';
import { NO_REVISION, StreamRevisionCache } from './stream-revision-cache.js';

/** An event already serialised on the caller's turn (one JSON.stringify per field). */
export interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** One append of a batch: plain data, so it can cross to the commit thread. */
export interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** bounds one transaction's size (and the messages carrying it) under a flood of appends */
export const MAX_APPENDS_PER_TRANSACTION = 2000;

/**
 * Writes a batch of appends in ONE durable transaction on its own connection. Each append
 * is still judged on its own (expected revision, idempotency) and fails alone: single-event
 * appends are one INSERT (atomic by itself), multi-event appends run under a SAVEPOINT.
 * Later appends in a batch see the earlier ones (same transaction, revision overlay).
 * `write` throws when the transaction as a whole fails (I/O, lock timeout): then nothing
 * of the batch is stored.
 */
export class SqliteBatchWriter {
  private readonly revisions: StreamRevisionCache;
  private readonly begin: Database.Statement<[]>;
  private readonly commit: Database.Statement<[]>;
  private readonly rollback: Database.Statement<[]>;
  private readonly insert: Database.Statement<[string, string, number, string, string, string, number]>;
  private readonly findById: Database.Statement<[string], { stream_id: string; revision: bigint; position: bigint }>;
  private readonly insertAllOrNothing: (append: AppendRequest, firstRevision: number, recordedAt: number) => number;

  constructor(private readonly db: Database.Database) {
    this.revisions = new StreamRevisionCache(db);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.insert = db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.findById = db
      .prepare<[string], { stream_id: string; revision: bigint; position: bigint }>(
        'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
      )
      .safeIntegers(true);
    // better-sqlite3 runs a transaction function called inside a transaction as a SAVEPOINT
    this.insertAllOrNothing = db.transaction((append: AppendRequest, firstRevision: number, recordedAt: number) => {
      let position = 0;
      append.events.forEach((event, i) => {
        position = this.insertEvent(append.streamId, event, firstRevision + i, recordedAt);
      });
      return position;
    });
  }

  write(batch: readonly AppendRequest[]): AppendOutcome[] {
    const newRevisions = new Map<string, number>();
    let outcomes: AppendOutcome[];
    let head = 0;
    this.begin.run();
    try {
      this.revisions.syncWithLog();
      const recordedAt = Date.now();
      outcomes = batch.map((append) => {
        try {
          const result = this.appendOne(append, newRevisions, recordedAt);
          head = Math.max(head, Number(result.position));
          return { ok: true, result };
        } catch (error) {
          if (isStorageFailure(error)) throw error;
          return { ok: false, error };
        }
      });
      this.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.rollback.run();
      throw error;
    }
    this.revisions.committed(newRevisions, head);
    return outcomes;
  }

  private appendOne(
    append: AppendRequest,
    newRevisions: Map<string, number>,
    recordedAt: number,
    revisionWasFresh = false,
  ): AppendResult {
    const { streamId, expected } = append;
    const current = newRevisions.get(streamId) ?? this.revisions.lastRevision(streamId);
    if (!isExpectedState(expected, BigInt(current))) {
      // a retry carries the expected revision of its first attempt: it is still a retry
      const retry = this.findRetry(append);
      if (retry) return retry;
      throw new WrongExpectedRevisionError(streamId, expected, current === NO_REVISION ? 'no_stream' : BigInt(current));
    }
    const firstRevision = current + 1;
    let position: number;
    try {
      position =
        append.events.length === 1
          ? this.insertEvent(streamId, append.events[0]!, firstRevision, recordedAt)
          : this.insertAllOrNothing(append, firstRevision, recordedAt);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const retry = this.findRetry(append);
      if (retry) return retry;
      // Not an id clash, so (stream_id, revision) clashed: the cached revision was stale.
      // Cannot happen while every writer syncs under the write lock; recover anyway by
      // judging the append again against the stored revision.
      if (revisionWasFresh) throw error;
      this.revisions.forget(streamId);
      newRevisions.delete(streamId);
      return this.appendOne(append, newRevisions, recordedAt, true);
    }
    const lastRevision = firstRevision + append.events.length - 1;
    newRevisions.set(streamId, lastRevision);
    return { nextRevision: BigInt(lastRevision), position: BigInt(position) };
  }

  private insertEvent(streamId: string, event: SerializedEvent, revision: number, recordedAt: number): number {
    const info = this.insert.run(event.id, streamId, revision, event.type, event.data, event.metadata, recordedAt);
    return Number(info.lastInsertRowid);
  }

  private findRetry(append: AppendRequest): AppendResult | null {
    const stored = append.events.map((event): StoredEventRef | undefined => {
      const row = this.findById.get(event.id);
      return row && { streamId: row.stream_id, revision: row.revision, position: row.position };
    });
    return resolveRetry(
      append.streamId,
      append.events.map((event) => event.id),
      stored,
    );
  }
}

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** SQLite errors other than constraint violations doom the whole transaction. */
function isStorageFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && code.startsWith('SQLITE_') && !code.startsWith('SQLITE_CONSTRAINT');
}
