/**
 * From a recorded event (its persisted type string and JSON data) to a domain event: the
 * one codec every reader of the log uses (aggregate loading, projections, reactors).
 *
 * This is the single place for upcasting. When an event type gets a new version (say
 * `account.topped-up.v2`), the old type stays in the catalogue's history here: its data is
 * converted to the current shape in this function, so deciders, evolve and projections
 * only ever see current events. Persisted events are never rewritten.
 *
 * Data is trusted (the ledger wrote it after its own validation); it is not re-validated.
 */
import { isLedgerEventType } from './event-catalogue.js';
import type { LedgerEvent } from './events.js';

/** The domain event, or null for a type this version does not know (e.g. written by a newer version). */
export function decodeRecordedEvent(type: string, data: unknown): LedgerEvent | null {
  if (!isLedgerEventType(type)) return null;
  return { type, data } as LedgerEvent;
}
