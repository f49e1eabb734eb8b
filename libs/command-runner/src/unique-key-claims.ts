/**
 * Client-chosen idempotency keys that must never be reused on another account: a bank
 * payment id, a check number, a correction id. Recording the same key on two accounts
 * would credit one payment twice or put one check on two pupils.
 *
 * The SQLite store refuses an event id already stored in another stream by itself, and the
 * ledger's event ids are derived from these keys, so there nothing more is needed. KurrentDB
 * deduplicates ids only within a stream; there each key is first claimed for its account in
 * a stream of its own, appended with "no stream yet" (the usual way to make a value unique
 * across streams on KurrentDB). A key claimed for another account is refused with the same
 * IdempotencyConflictError the SQLite store raises. A claim whose account append then fails
 * stays: the same command retried on the same account goes through, another account never.
 */
import { uniqueKeyOf, type EventMetadata, type LedgerEvent } from '@meals/domain';
import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type EventStore,
  type JsonObject,
} from '@meals/event-store';
import { nameBasedUuid } from './event-ids.js';

/** The claim's own event type: not a domain event (the codec does not know it), it lives in claim streams only. */
export const UNIQUE_KEY_CLAIMED = 'ledger.unique-key-claimed.v1';

export const uniqueKeyStreamId = (key: string): string => `unique-key-${key}`;

export class UniqueKeyClaims {
  constructor(private readonly eventStore: EventStore) {}

  /** Claims the unique keys of `events` for the stream `owner` before they are appended there. */
  async claim(owner: string, events: readonly LedgerEvent[], metadata: EventMetadata): Promise<void> {
    if (this.eventStore.detectsIdsInOtherStreams) return;
    for (const event of events) {
      const key = uniqueKeyOf(event);
      if (key !== null) await this.claimKey(key, owner, metadata);
    }
  }

  private async claimKey(key: string, owner: string, metadata: EventMetadata): Promise<void> {
    const streamId = uniqueKeyStreamId(key);
    const claim = {
      // the same claim retried has the same id: the store recognises the retry
      id: nameBasedUuid(`claim:${key}:${owner}`),
      type: UNIQUE_KEY_CLAIMED,
      data: { key, owner },
      metadata: metadata as unknown as JsonObject,
    };
    try {
      await this.eventStore.append(streamId, [claim], { expectedRevision: 'no_stream' });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const [first] = await this.eventStore.readStream(streamId, { maxCount: 1 });
      if (first?.data['owner'] !== owner) throw new IdempotencyConflictError(streamId, claim.id);
    }
  }
}
