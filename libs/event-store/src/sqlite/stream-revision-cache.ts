import type Database from 'better-sqlite3';

/** No stream yet. */
export const NO_REVISION = -1;

/**
 * Last revision of recently written streams, so that an append needs no SELECT.
 *
 * Other connections (another process, another store instance on the same file) may
 * append too. Every write transaction therefore starts with `syncWithLog()` while holding
 * the write lock: if the log's head moved since our own last commit, the cached streams
 * that others touched are refreshed (or the cache is dropped after a large foreign burst).
 * Revisions are plain numbers internally (a stream never reaches 2^53 events).
 */
export class StreamRevisionCache {
  private readonly revisions = new Map<string, number>();
  private readonly headQuery: Database.Statement<[], number | null>;
  private readonly lastRevisionQuery: Database.Statement<[string], number | null>;
  private readonly changedSinceQuery: Database.Statement<[number], { stream_id: string; revision: number }>;
  /** max(position) as of our last commit; a different head means somebody else wrote. */
  private knownHead: number;

  constructor(
    db: Database.Database,
    private readonly maxEntries = 100_000,
    private readonly maxForeignEventsToReplay = 10_000,
  ) {
    this.headQuery = db.prepare<[], number | null>('SELECT max(position) FROM events').pluck();
    this.lastRevisionQuery = db
      .prepare<[string], number | null>('SELECT max(revision) FROM events WHERE stream_id = ?')
      .pluck();
    this.changedSinceQuery = db.prepare<[number], { stream_id: string; revision: number }>(
      'SELECT stream_id, max(revision) AS revision FROM events WHERE position > ? GROUP BY stream_id',
    );
    this.knownHead = this.readHead();
  }

  /** Call inside the write transaction, before any lookup. */
  syncWithLog(): void {
    const head = this.readHead();
    if (head === this.knownHead) return;
    if (head < this.knownHead || head - this.knownHead > this.maxForeignEventsToReplay) {
      this.revisions.clear();
    } else {
      for (const { stream_id, revision } of this.changedSinceQuery.all(this.knownHead)) {
        if (this.revisions.has(stream_id)) this.revisions.set(stream_id, revision);
      }
    }
    this.knownHead = head;
  }

  /** Last committed revision of the stream, NO_REVISION when it does not exist. */
  lastRevision(streamId: string): number {
    const cached = this.revisions.get(streamId);
    if (cached !== undefined) return cached;
    const stored = this.lastRevisionQuery.get(streamId) ?? NO_REVISION;
    this.remember(streamId, stored);
    return stored;
  }

  /** Forget a stream (its cached revision proved wrong). */
  forget(streamId: string): void {
    this.revisions.delete(streamId);
  }

  /** After our transaction committed: its streams' new revisions and the new head. */
  committed(newRevisions: ReadonlyMap<string, number>, head: number): void {
    for (const [streamId, revision] of newRevisions) this.remember(streamId, revision);
    if (head > this.knownHead) this.knownHead = head;
  }

  private remember(streamId: string, revision: number): void {
    this.revisions.set(streamId, revision);
    if (this.revisions.size > this.maxEntries) this.evictOldest();
  }

  private evictOldest(): void {
    let toEvict = Math.ceil(this.maxEntries / 10);
    for (const streamId of this.revisions.keys()) {
      if (toEvict-- <= 0) break;
      this.revisions.delete(streamId);
    }
  }

  private readHead(): number {
    return this.headQuery.get() ?? 0;
  }
}
