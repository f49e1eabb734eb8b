import Database from 'better-sqlite3';
import { join } from 'node:path';
import { newEventId, type EventToAppend } from '@meals/event-store';
import { openSqliteEventStore } from '@meals/event-store/sqlite';
import { applyDurablePragmas, ensureEventsSchema } from '@meals/event-store/sqlite';
import { ratio } from './percentile.js';

export interface AppendBenchOptions {
  /** an existing empty directory for the database files */
  dir: string;
  /** concurrent writers, each appending to its own stream; default 64 */
  writers?: number;
  /** length of EACH of the two measurements; default 5000 ms */
  durationMs?: number;
}

export interface AppendBenchResult {
  /** durable single-event appends per second through SqliteEventStore (group commit) */
  storeAppendPerSec: number;
  /** durable raw better-sqlite3 inserts per second, one row per transaction */
  sqliteCeilingPerSec: number;
  /** storeAppendPerSec / sqliteCeilingPerSec: the figure to hold across machines */
  storeToCeilingRatio: number;
}

/**
 * Measures what group commit buys: the same durable (WAL, synchronous=FULL) table, written
 * once through the store by concurrent writers and once row by row with plain better-sqlite3.
 */
export async function runAppendBench(options: AppendBenchOptions): Promise<AppendBenchResult> {
  const writers = options.writers ?? 64;
  const durationMs = options.durationMs ?? 5000;
  const storeAppendPerSec = await measureStoreAppends(join(options.dir, 'bench-store.db'), writers, durationMs);
  const sqliteCeilingPerSec = measureRawInserts(join(options.dir, 'bench-raw.db'), durationMs);
  return {
    storeAppendPerSec: Math.round(storeAppendPerSec),
    sqliteCeilingPerSec: Math.round(sqliteCeilingPerSec),
    storeToCeilingRatio: ratio(storeAppendPerSec, sqliteCeilingPerSec),
  };
}

async function measureStoreAppends(path: string, writers: number, durationMs: number): Promise<number> {
  const store = openSqliteEventStore({ path });
  try {
    let appended = 0;
    const deadline = performance.now() + durationMs;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const streamId = `account-bench-${writer}`;
        let revision: bigint | 'no_stream' = 'no_stream';
        for (let seq = 0; performance.now() < deadline; seq++) {
          const result = await store.append(streamId, [sampleEvent(writer, seq)], { expectedRevision: revision });
          revision = result.nextRevision;
          appended++;
        }
      }),
    );
    return (appended * 1000) / (performance.now() - started);
  } finally {
    await store.close();
  }
}

function measureRawInserts(path: string, durationMs: number): number {
  const db = new Database(path);
  try {
    applyDurablePragmas(db);
    ensureEventsSchema(db);
    const insert = db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let inserted = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    while (performance.now() < deadline) {
      const event = sampleEvent(0, inserted);
      // autocommit: one row, one durable transaction
      insert.run(
        event.id,
        'account-raw',
        inserted,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        Date.now(),
      );
      inserted++;
    }
    return (inserted * 1000) / (performance.now() - started);
  } finally {
    db.close();
  }
}

/** A till sale of about 300 bytes of JSON, like the ledger's. */
function sampleEvent(writer: number, seq: number): EventToAppend {
  return {
    id: newEventId(),
    type: 'account.sale-recorded.v1',
    data: {
      accountNumber: `24000${String(writer).padStart(4, '0')}7`,
      checkNumber: `24-${String(seq).padStart(6, '0')}`,
      tillId: '24-01',
      items: [
        { name: 'Пицца 125 г', qty: 1, price: 3450 },
        { name: 'Каша гречневая рассыпчатая 150 г', qty: 1, price: 2100 },
      ],
      total: 5550,
      soldAt: '2025-10-01T09:15:00.000Z',
    },
    metadata: {
      actor: 'till:24-01',
      source: 'till',
      correlationId: `c-${writer}-${seq}`,
      causationId: `c-${writer}-${seq}`,
      occurredAt: '2025-10-01T09:15:00.000Z',
    },
  };
}
