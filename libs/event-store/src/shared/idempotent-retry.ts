import { IdempotencyConflictError, type AppendResult } from '../event-store.port.js';

/** Where an already stored event id lives. */
export interface StoredEventRef {
  streamId: string;
  revision: bigint;
  position: bigint;
}

/**
 * Decides what an append means given where its ids are already stored
 * (`stored[i]` is the stored event with `ids[i]`, or undefined):
 * - none stored → null (a genuinely new append);
 * - all stored in this stream, consecutively and in the same order → the original result
 *   (a retry: nothing is appended);
 * - anything else (a mix, another stream, another order) → IdempotencyConflictError.
 */
export function resolveRetry(
  streamId: string,
  ids: readonly string[],
  stored: ReadonlyArray<StoredEventRef | undefined>,
): AppendResult | null {
  const first = stored[0];
  if (stored.every((ref) => ref === undefined)) return null;
  for (let i = 0; i < ids.length; i++) {
    const ref = stored[i];
    const inPlace =
      ref !== undefined &&
      first !== undefined &&
      ref.streamId === streamId &&
      ref.revision === first.revision + BigInt(i);
    if (!inPlace) {
      // report the id that makes it a conflict: one stored elsewhere, else the first stored one
      const culprit = ref !== undefined ? ids[i]! : ids[stored.findIndex((r) => r !== undefined)]!;
      throw new IdempotencyConflictError(streamId, culprit);
    }
  }
  const last = stored[ids.length - 1]!;
  return { nextRevision: last.revision, position: last.position };
}
