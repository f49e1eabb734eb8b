import { businessTime, type LedgerEvent, type LedgerEventType } from '@meals/domain';
import type { RecordedEvent } from '@meals/event-store';
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

const PROJECTED_TYPES: Record<LedgerEventType, true> = {
  'school.registered.v1': true,
  'school.pupils-enrolled.v1': true,
  'account.opened.v1': true,
  'account.moved.v1': true,
  'account.closed.v1': true,
  'card.issued.v1': true,
  'card.activated.v1': true,
  'card.blocked.v1': true,
  'account.topped-up.v1': true,
  'account.sale-debited.v1': true,
  'account.corrected.v1': true,
  'account.refunded.v1': true,
  'account.balance-transferred-out.v1': true,
  'account.balance-transferred-in.v1': true,
};

export const isLedgerEventType = (type: string): type is LedgerEventType => Object.hasOwn(PROJECTED_TYPES, type);

/** The metadata field that says when an event happened (EventMetadata.occurredAt). */
export const OCCURRED_AT = 'occurredAt';

/** Null for event types these read models do not know (they only move the checkpoint). */
export function toProjectionInput(recorded: RecordedEvent, dates: BusinessDateCache): ProjectionInput | null {
  if (!isLedgerEventType(recorded.type)) return null;
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
  type: LedgerEventType;
  data: unknown;
}

/**
 * `occurredAt`: the metadata's occurredAt when it is a string, else when the store
 * recorded the event (ISO).
 */
export function projectionInput(stored: StoredEventFields, occurredAt: string, dates: BusinessDateCache): ProjectionInput {
  const event = { type: stored.type, data: stored.data } as LedgerEvent;
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
