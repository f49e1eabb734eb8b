import { IdempotencyConflictError } from '../src/index.js';
import { resolveRetry, type StoredEventRef } from '../src/shared/idempotent-retry.js';

describe('resolveRetry', () => {
  const ref = (revision: bigint, streamId = 's'): StoredEventRef => ({ streamId, revision, position: 100n + revision });

  it('no id stored: a new append', () => {
    expect(resolveRetry('s', ['a', 'b'], [undefined, undefined])).toBeNull();
  });

  it('all ids stored consecutively in this stream: the original result', () => {
    expect(resolveRetry('s', ['a', 'b'], [ref(3n), ref(4n)])).toEqual({ nextRevision: 4n, position: 104n });
  });

  it('some ids stored: a conflict naming a stored id', () => {
    expect(() => resolveRetry('s', ['a', 'b'], [undefined, ref(0n)])).toThrow(
      expect.objectContaining({ eventId: 'b' }) as unknown as Error,
    );
  });

  it('an id stored in another stream: a conflict naming it', () => {
    const run = () => resolveRetry('s', ['a'], [ref(0n, 'other')]);
    expect(run).toThrow(IdempotencyConflictError);
    expect(run).toThrow(/event id a/);
  });

  it('ids stored in another order: a conflict', () => {
    expect(() => resolveRetry('s', ['a', 'b'], [ref(1n), ref(0n)])).toThrow(IdempotencyConflictError);
  });
});
