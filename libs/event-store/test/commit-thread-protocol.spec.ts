import Database from 'better-sqlite3';
import fc from 'fast-check';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../src/index.js';
import { decodeChunk, decodeOutcomes, encodeChunk, encodeOutcomes } from '../src/sqlite/commit-thread-protocol.js';
import type { AppendOutcome, AppendRequest } from '../src/sqlite/sqlite-batch-writer.js';

/** What crosses between the event loop and the commit thread (structured clone included). */
const acrossThreads = <T>(value: T): T => structuredClone(value);

describe('commit thread protocol', () => {
  it('carries any chunk of appends unchanged', () => {
    const event = fc.record({ id: fc.uuid(), type: fc.string(), data: fc.json(), metadata: fc.json() });
    const append = fc.record({
      streamId: fc.string({ minLength: 1 }),
      expected: fc.oneof(
        fc.constantFrom('any' as const, 'no_stream' as const, 'stream_exists' as const),
        fc.bigInt({ min: 0n, max: 2n ** 62n }),
      ),
      events: fc.array(event, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(append, { maxLength: 20 }), (chunk: AppendRequest[]) => {
        expect(decodeChunk(acrossThreads(encodeChunk(chunk)))).toEqual(chunk);
      }),
    );
  });

  it('carries results and rebuilds the errors callers tell apart by class', () => {
    const outcomes: AppendOutcome[] = [
      { ok: true, result: { nextRevision: 3n, position: 120n } },
      { ok: false, error: new WrongExpectedRevisionError('account-1', 2n, 'no_stream') },
      { ok: false, error: new IdempotencyConflictError('account-2', 'e-1') },
      { ok: false, error: new Database.SqliteError('disk I/O error', 'SQLITE_IOERR') },
      { ok: true, result: { nextRevision: 0n, position: 121n } },
    ];
    const decoded = decodeOutcomes(acrossThreads(encodeOutcomes(outcomes)));
    expect(decoded[0]).toEqual(outcomes[0]);
    expect(decoded[4]).toEqual(outcomes[4]);
    const errors = decoded.slice(1, 4).map((outcome) => (outcome.ok ? null : outcome.error));
    expect(errors[0]).toBeInstanceOf(WrongExpectedRevisionError);
    expect(errors[0]).toMatchObject({ streamId: 'account-1', expected: 2n, actual: 'no_stream' });
    expect(errors[1]).toBeInstanceOf(IdempotencyConflictError);
    expect(errors[1]).toMatchObject({ streamId: 'account-2', eventId: 'e-1' });
    expect(errors[2]).toBeInstanceOf(Database.SqliteError);
    expect(errors[2]).toMatchObject({ code: 'SQLITE_IOERR', message: 'disk I/O error' });
  });
});
