import { businessTime, decodeRecordedEvent, type LedgerEvent } from '@meals/domain';
import type { BusinessDateCache } from './business-date-cache.js';

/** A recorded event as the projection functions see it, with its business time resolved once. */
export interface ProjectionInput {
  eventId: string;
  position: bigint;
  /** the position as a number, as stored in documents */
  positionNumber: number;
  event: LedgerEvent;
  occurredAt: string;
  /** ISO business time (see businessTime) */
  at: string;
  /** `YYYY-MM-DD` of `at` in the municipality's time zone */
  date: string;
  /** The replay thread of a rebuild has written the event's statement line itself. */
  statementLineWritten?: boolean;
}

/** The metadata field that says when an event happened (EventMetadata.occurredAt). */
export const OCCURRED_AT = 'occurredAt';

/** What a projection reads of an event as the event store's port returns it (RecordedEvent). */
export interface RecordedEventFields {
  id: string;
  type: string;
  position: bigint;
  data: unknown;
  metadata: { readonly [key: string]: unknown };
  recordedAt: Date;
}

/** Null for event types these read models do not know (they only move the checkpoint). */
export function toProjectionInput(recorded: RecordedEventFields, dates: BusinessDateCache): ProjectionInput | null {
  const occurredAt = recorded.metadata[OCCURRED_AT];
  return projectionInput(
    { id: recorded.id, position: recorded.position, type: recorded.type, data: recorded.data },
    typeof occurredAt === 'string' ? occurredAt : recorded.recordedAt.toISOString(),
    dates,
  );
}

/** What a projection reads of a stored event, however it was read. */
export interface StoredEventFields {
  id: string;
  position: bigint;
  type: string;
  data: unknown;
}

/**
 * `occurredAt`: the metadata's occurredAt when it is a string, else when the store
 * recorded the event (ISO). Null for an event type the domain does not know.
 */
export function projectionInput(
  stored: StoredEventFields,
  occurredAt: string,
  dates: BusinessDateCache,
): ProjectionInput | null {
  // the domain's codec: the one place that knows the event types (and upcasts old versions)
  const event: LedgerEvent | null = decodeRecordedEvent(stored.type, stored.data);
  if (event === null) return null;
  const at = businessTime(event, occurredAt);
  return {
    eventId: stored.id,
    position: stored.position,
    positionNumber: Number(stored.position),
    event,
    occurredAt,
    at,
    date: dates.dateOf(at),
  };
}
