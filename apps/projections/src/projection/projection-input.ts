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

const isLedgerEventType = (type: string): type is LedgerEventType => Object.hasOwn(PROJECTED_TYPES, type);

/** Null for event types these read models do not know (they only move the checkpoint). */
export function toProjectionInput(recorded: RecordedEvent, dates: BusinessDateCache): ProjectionInput | null {
  if (!isLedgerEventType(recorded.type)) return null;
  const event = { type: recorded.type, data: recorded.data } as LedgerEvent;
  const occurredAt = typeof recorded.metadata['occurredAt'] === 'string'
    ? recorded.metadata['occurredAt']
    : recorded.recordedAt.toISOString();
  const at = businessTime(event, occurredAt);
  return {
    eventId: recorded.id,
    position: recorded.position,
    positionNumber: Number(recorded.position),
    event,
    occurredAt,
    at,
    date: dates.dateOf(at),
  };
}
