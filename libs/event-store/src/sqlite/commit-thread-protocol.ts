/**
 * What the event loop and the commit thread (commit-worker.ts) say to each other. Only
 * plain data crosses: errors are encoded here and rebuilt as the classes callers check
 * with instanceof (WrongExpectedRevisionError, IdempotencyConflictError, SqliteError).
 */
import Database from 'better-sqlite3';
import { asStorageFull } from '@meals/sqlite-support';
import { IdempotencyConflictError, WrongExpectedRevisionError, type ExpectedRevision } from '../event-store.port.js';
import type { AppendOutcome, AppendRequest, SerializedEvent } from './sqlite-batch-writer.js';

export interface CommitWorkerData {
  path: string;
  busyTimeoutMs: number;
}

/** A chunk of appends to write, or the end (sent once every chunk is answered). */
export type ToCommitThread = { kind: 'write'; chunk: EncodedChunk } | { kind: 'close' };

/**
 * One answer per transaction, which holds the next chunks in the order they were sent:
 * the outcomes of each of them, or the failure of the transaction as a whole.
 */
export type FromCommitThread =
  | { kind: 'written'; outcomes: EncodedOutcomes[] }
  | { kind: 'failed'; chunks: number; failure: EncodedError }
  | { kind: 'closed' };

/**
 * A chunk as one flat array of primitives, which the threads copy far faster than objects:
 * per append its stream id, expected revision and number of events, then per event its id,
 * type, data and metadata.
 */
export type EncodedChunk = (string | bigint | number)[];

/** Per append two slots: next revision and position, or null and the error. */
export type EncodedOutcomes = (bigint | null | EncodedError)[];

export function encodeChunk(chunk: readonly AppendRequest[]): EncodedChunk {
  const encoded: EncodedChunk = [];
  for (const { streamId, expected, events } of chunk) {
    encoded.push(streamId, expected, events.length);
    for (const { id, type, data, metadata } of events) encoded.push(id, type, data, metadata);
  }
  return encoded;
}

export function decodeChunk(encoded: EncodedChunk): AppendRequest[] {
  const chunk: AppendRequest[] = [];
  for (let i = 0; i < encoded.length;) {
    const streamId = encoded[i++] as string;
    const expected = encoded[i++] as ExpectedRevision;
    const events: SerializedEvent[] = new Array(encoded[i++] as number);
    for (let e = 0; e < events.length; e++) {
      events[e] = {
        id: encoded[i++] as string,
        type: encoded[i++] as string,
        data: encoded[i++] as string,
        metadata: encoded[i++] as string,
      };
    }
    chunk.push({ streamId, expected, events });
  }
  return chunk;
}

export function encodeOutcomes(outcomes: readonly AppendOutcome[]): EncodedOutcomes {
  const encoded: EncodedOutcomes = [];
  for (const outcome of outcomes) {
    if (outcome.ok) encoded.push(outcome.result.nextRevision, outcome.result.position);
    else encoded.push(null, encodeError(outcome.error));
  }
  return encoded;
}

export function decodeOutcomes(encoded: EncodedOutcomes): AppendOutcome[] {
  const outcomes: AppendOutcome[] = [];
  for (let i = 0; i < encoded.length; i += 2) {
    const first = encoded[i];
    outcomes.push(
      typeof first === 'bigint'
        ? { ok: true, result: { nextRevision: first, position: encoded[i + 1] as bigint } }
        : { ok: false, error: decodeError(encoded[i + 1] as EncodedError) },
    );
  }
  return outcomes;
}

export type EncodedError =
  | { kind: 'wrong-expected-revision'; streamId: string; expected: ExpectedRevision; actual: bigint | 'no_stream' }
  | { kind: 'idempotency-conflict'; streamId: string; eventId: string }
  | { kind: 'other'; name: string; message: string; code: string | undefined; stack: string | undefined };

export function encodeError(error: unknown): EncodedError {
  if (error instanceof WrongExpectedRevisionError) {
    return {
      kind: 'wrong-expected-revision',
      streamId: error.streamId,
      expected: error.expected,
      actual: error.actual,
    };
  }
  if (error instanceof IdempotencyConflictError) {
    return { kind: 'idempotency-conflict', streamId: error.streamId, eventId: error.eventId };
  }
  const { name, message, stack } =
    error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  return { kind: 'other', name, message, code, stack };
}

export function decodeError(encoded: EncodedError): Error {
  switch (encoded.kind) {
    case 'wrong-expected-revision':
      return new WrongExpectedRevisionError(encoded.streamId, encoded.expected, encoded.actual);
    case 'idempotency-conflict':
      return new IdempotencyConflictError(encoded.streamId, encoded.eventId);
    case 'other': {
      const error =
        encoded.name === 'SqliteError' && encoded.code !== undefined
          ? new Database.SqliteError(encoded.message, encoded.code)
          : Object.assign(
              new Error(encoded.message),
              { name: encoded.name },
              encoded.code === undefined ? {} : { code: encoded.code },
            );
      if (encoded.stack) error.stack = `${error.stack ?? ''}\n  on the commit thread: ${encoded.stack}`;
      return asStorageFull(error, 'event store') as Error;
    }
  }
}
