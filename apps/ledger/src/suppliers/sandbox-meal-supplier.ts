/**
 * The embedded sandbox supplier (the default when SUPPLIER_URL is not set): it keeps every
 * delivery it receives in SQLite (`$DATA_DIR/sandbox-supplier.sqlite`, memory without a
 * data directory), the first one per delivery id, and counts repeats, so that a person can
 * see on /sandbox-supplier what a supplier would have got.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MealDelivery, MealSupplier } from './meal-supplier.js';

export interface ReceivedDelivery extends MealDelivery {
  receivedAt: string;
  /** how many more times the same delivery id arrived (and was ignored) */
  repeats: number;
}

interface Row {
  delivery_id: string;
  school_id: string;
  date: string;
  version: number;
  lines: string;
  sent_at: string;
  received_at: string;
  repeats: number;
}

export class SandboxMealSupplier implements MealSupplier {
  private readonly db: Database.Database;

  constructor(
    dataDir: string | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.db = new Database(dataDir ? join(dataDir, 'sandbox-supplier.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS deliveries (
      delivery_id TEXT PRIMARY KEY,
      school_id TEXT NOT NULL,
      date TEXT NOT NULL,
      version INTEGER NOT NULL,
      lines TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      repeats INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS deliveries_by_day ON deliveries (date, school_id, version)`);
  }

  async deliver(delivery: MealDelivery): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO deliveries (delivery_id, school_id, date, version, lines, sent_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (delivery_id) DO UPDATE SET repeats = repeats + 1`,
      )
      .run(
        delivery.deliveryId,
        delivery.schoolId,
        delivery.date,
        delivery.version,
        JSON.stringify(delivery.lines),
        delivery.sentAt,
        this.clock().toISOString(),
      );
  }

  /** What arrived, newest day first; one day or one school when given. */
  received(filter: { date?: string; schoolId?: string } = {}, limit = 200): ReceivedDelivery[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM deliveries
         WHERE (@date IS NULL OR date = @date) AND (@schoolId IS NULL OR school_id = @schoolId)
         ORDER BY date DESC, CAST(school_id AS INTEGER), version DESC LIMIT @limit`,
      )
      .all({ date: filter.date ?? null, schoolId: filter.schoolId ?? null, limit }) as Row[];
    return rows.map((row) => ({
      deliveryId: row.delivery_id,
      schoolId: row.school_id,
      date: row.date,
      version: row.version,
      lines: JSON.parse(row.lines) as unknown[],
      sentAt: row.sent_at,
      receivedAt: row.received_at,
      repeats: row.repeats,
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Nest calls it when the ledger stops. */
  onApplicationShutdown(): void {
    this.close();
  }
}
