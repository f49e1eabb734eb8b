/**
 * Event ids. Events that carry an idempotency key get a deterministic, name-based UUID
 * (RFC 9562 version 5: SHA-1 of a namespace and the name), so a retried command produces
 * the same id and the event store appends it at most once. Other events get time-ordered random ids
 * (UUIDv7), which keep the store's id index append-mostly.
 */
import { createHash } from 'node:crypto';
import type { LedgerEvent } from '@meals/domain';
import { newEventId } from '@meals/event-store';

/** Namespace of the ledger's name-based ids (a fixed random UUID; never change it). */
const LEDGER_NAMESPACE = Buffer.from('6f1c3a52b8e94d0f9a7e2c4b5d8e1f03', 'hex');

export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(LEDGER_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The idempotency key of an event, or null when a retry may not repeat it anyway. */
export function idempotencyKey(event: LedgerEvent): string | null {
  switch (event.type) {
    case 'account.topped-up.v1':
      return `topup:${event.data.paymentId}`;
    case 'account.sale-debited.v1':
      return `sale:${event.data.checkNumber}`;
    case 'account.corrected.v1':
      return `correction:${event.data.correctionId}`;
    case 'account.balance-transferred-in.v1':
      return `transfer-in:${event.data.transferId}`;
    case 'account.balance-transferred-out.v1':
      return `transfer-out:${event.data.transferId}`;
    case 'account.refunded.v1':
      return `refund:${event.data.refundId}`;
    // an imported pupil's account is opened once, with the card the import issued
    case 'account.opened.v1':
      return `account-opened:${event.data.accountNumber}`;
    case 'card.issued.v1':
      return `card-issued:${event.data.accountNumber}:${event.data.cardUid}`;
    default:
      return null;
  }
}

export const eventIdOf = (event: LedgerEvent): string => {
  const key = idempotencyKey(event);
  return key === null ? newEventId() : nameBasedUuid(key);
};
