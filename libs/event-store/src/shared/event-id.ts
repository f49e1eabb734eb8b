import { randomUUID } from 'node:crypto';

/**
 * A new event id: a UUIDv7 (RFC 9562), i.e. 48 bits of Unix milliseconds, then random bits.
 * Time-ordered ids are inserted at the end of the store's id index instead of on a random
 * page, which keeps a durable commit small; prefer them for new events (any unique string
 * is accepted by the stores).
 */
export function newEventId(nowMs: number = Date.now()): string {
  const time = nowMs.toString(16).padStart(12, '0');
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, variant bits already set
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
