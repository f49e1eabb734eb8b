import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { EventStoreConfig } from '@meals/event-store';

/**
 * How many events a rebuild will replay, for the progress bar only. The port has no
 * count, so for the embedded store the last global position is read from the file (its
 * positions are dense: AUTOINCREMENT from 1). Null when unknown (KurrentDB, odd file).
 */
export function estimateEventCount(config: EventStoreConfig): number | null {
  if (config.kind !== 'sqlite' || !existsSync(config.path)) return null;
  try {
    const db = new Database(config.path, { readonly: true, fileMustExist: true });
    try {
      const last = db.prepare('SELECT max(position) FROM events').pluck().get();
      return typeof last === 'number' ? last : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
