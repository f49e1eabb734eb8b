/**
 * Event ids. Events that carry an idempotency key (see the domain's event catalogue) get a deterministic, name-based UUID
 * (RFC 9562 version 5: SHA-1 of a namespace and the name), so a retried command produces
 * the same id and the event store appends it at most once. Other events get time-ordered random ids
 * (UUIDv7), which keep the store's id index append-mostly.
 */
import { hash } from 'node:crypto';
import { idempotencyKey, type LedgerEvent } from '@meals/domain';
import { newEventId } from '@meals/event-store';

/** Namespace of the ledger's name-based ids (a fixed random UUID; never change it). */
const LEDGER_NAMESPACE = Buffer.from('6f1c3a52b8e94d0f9a7e2c4b5d8e1f03', 'hex');

/** namespace + name, reused by every call (hashing is synchronous): no allocation per id on the sale path */
const scratch = Buffer.alloc(1024);
LEDGER_NAMESPACE.copy(scratch);
const MAX_UTF8_BYTES_PER_UNIT = 3;

/** The two top bits of byte 8 become `10` (RFC 9562 variant): its first hex digit is one of 8, 9, a, b. */
const VARIANT_DIGIT = '89ab89ab89ab89ab';

export function nameBasedUuid(name: string): string {
  const input =
    name.length * MAX_UTF8_BYTES_PER_UNIT <= scratch.length - LEDGER_NAMESPACE.length
      ? scratch.subarray(0, LEDGER_NAMESPACE.length + scratch.write(name, LEDGER_NAMESPACE.length, 'utf8'))
      : Buffer.concat([LEDGER_NAMESPACE, Buffer.from(name, 'utf8')]);
  const hex = hash('sha1', input, 'hex');
  // the first 16 bytes of the SHA-1, with version 5 in the high nibble of byte 6
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${VARIANT_DIGIT[parseInt(hex[16]!, 16)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const eventIdOf = (event: LedgerEvent): string => {
  const key = idempotencyKey(event);
  return key === null ? newEventId() : nameBasedUuid(key);
};
