import Database from 'better-sqlite3';

/**
 * Consecutive events of the global log as a replay needs them, in columns (cheap to pass to
 * another thread): event i has `positions[i]`, `ids[i]`, ... The data stays JSON text (the
 * consumer parses it, possibly on another thread); of the metadata only the one field asked
 * for, when it holds a string.
 */
export interface ReplayPage {
  positions: BigInt64Array;
  ids: string[];
  types: string[];
  data: string[];
  /** the requested metadata field, null when it is missing or not a string */
  metadataField: (string | null)[];
  /** when the store committed each event, ms since the epoch */
  recordedAt: Float64Array;
}

export interface SqliteReplayReaderOptions {
  /** the event store's database file */
  path: string;
  /** the metadata field each event carries in the page, e.g. `occurredAt` */
  metadataField: string;
}

/** `field`: the metadata field as JSON text (a string value comes quoted), null when missing */
type Row = [position: bigint, id: string, type: string, data: string, field: string | null, recordedAt: bigint];

const QUOTE = 0x22;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** file bytes mapped into memory instead of read page by page */
const MMAP_BYTES = 1 << 30;

/**
 * Reads the log in position order on a read-only connection of its own, for a projection
 * rebuild: about half the work of `readAll`, which builds a whole RecordedEvent (data and
 * metadata parsed, revision, Date) per event. Each page is what was committed when it is read.
 */
export class SqliteReplayReader {
  private readonly db: Database.Database;
  private readonly page: Database.Statement<[bigint, number], Row>;

  constructor(options: SqliteReplayReaderOptions) {
    if (!FIELD_NAME.test(options.metadataField))
      throw new Error(`invalid metadata field ${JSON.stringify(options.metadataField)}`);
    const field = `'$.${options.metadataField}'`;
    this.db = new Database(options.path, { readonly: true, fileMustExist: true });
    try {
      this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
      this.page = this.db
        .prepare<[bigint, number], Row>(
          // the field as JSON text (one extraction; json_type + ->> would parse the metadata twice)
          `SELECT position, event_id, type, data, metadata -> ${field}, recorded_at
             FROM events WHERE position > ? ORDER BY position LIMIT ?`,
        )
        .raw(true)
        .safeIntegers(true);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Up to `maxCount` events with position greater than `after` (-1n: from the start); empty at the end. */
  readPage(after: bigint, maxCount: number): ReplayPage {
    const rows = this.page.all(after, maxCount);
    const page: ReplayPage = {
      positions: new BigInt64Array(rows.length),
      ids: new Array<string>(rows.length),
      types: new Array<string>(rows.length),
      data: new Array<string>(rows.length),
      metadataField: new Array<string | null>(rows.length),
      recordedAt: new Float64Array(rows.length),
    };
    rows.forEach(([position, id, type, data, field, recordedAt], i) => {
      page.positions[i] = position;
      page.ids[i] = id;
      page.types[i] = type;
      page.data[i] = data;
      page.metadataField[i] = field !== null && field.charCodeAt(0) === QUOTE ? (JSON.parse(field) as string) : null;
      page.recordedAt[i] = Number(recordedAt);
    });
    return page;
  }

  close(): void {
    this.db.close();
  }
}
