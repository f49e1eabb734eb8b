import { IdempotencyConflictError, type EventToAppend, type ExpectedRevision } from '../event-store.port.js';

/**
 * Input checks shared by every adapter, so that both reject the same malformed appends
 * before touching storage.
 */
export function validateAppend(streamId: string, events: EventToAppend[], expected: ExpectedRevision): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError('append: streamId must be a non-empty string');
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new RangeError(`append to ${streamId}: at least one event is required`);
  }
  if (typeof expected === 'bigint' ? expected < 0n : !EXPECTED_STATES.has(expected)) {
    throw new RangeError(`append to ${streamId}: invalid expected revision ${String(expected)}`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (typeof event.id !== 'string' || event.id.length === 0) {
      throw new TypeError(`append to ${streamId}: every event needs a non-empty id`);
    }
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new TypeError(`append to ${streamId}: event ${event.id} needs a non-empty type`);
    }
    if (!isPlainObject(event.data) || (event.metadata !== undefined && !isPlainObject(event.metadata))) {
      throw new TypeError(`append to ${streamId}: event ${event.id} needs JSON objects as data and metadata`);
    }
    // The same id twice in one append can never be stored: it conflicts with itself.
    if (seen.has(event.id)) throw new IdempotencyConflictError(streamId, event.id);
    seen.add(event.id);
  }
}

const EXPECTED_STATES = new Set<unknown>(['any', 'no_stream', 'stream_exists']);

/** Whether a stream whose last revision is `current` (-1n: no stream) is in the expected state. */
export function isExpectedState(expected: ExpectedRevision, current: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current < 0n;
    case 'stream_exists':
      return current >= 0n;
    default:
      return current === expected;
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
