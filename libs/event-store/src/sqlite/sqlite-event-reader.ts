import type Database from 'better-sqlite3';
import type { JsonObject, RecordedEvent } from '../event-store.port.js';

interface EventRow {
  position: bigint;
  event_id: string;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: bigint;
}

const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';

/** Prepared read queries over the events table; integers come back as bigint. */
export class SqliteEventReader {
  private readonly streamQuery: Database.Statement<[string, bigint, number], EventRow>;
  private readonly allQuery: Database.Statement<[bigint, number], EventRow>;

  constructor(db: Database.Database) {
    this.streamQuery = db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .safeIntegers(true);
    this.allQuery = db
      .prepare<[bigint, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .safeIntegers(true);
  }

  /** `maxCount` undefined: the whole stream (LIMIT -1 means no limit in SQLite). */
  readStream(streamId: string, fromRevision: bigint, maxCount: number | undefined): RecordedEvent[] {
    return this.streamQuery.all(streamId, fromRevision, maxCount ?? -1).map(toRecordedEvent);
  }

  /** Events with position strictly greater than `after`, in position order. */
  readAll(after: bigint, maxCount: number): RecordedEvent[] {
    return this.allQuery.all(after, maxCount).map(toRecordedEvent);
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    recordedAt: new Date(Number(row.recorded_at)),
  };
}
