/**
 * What the event loop and the commit thread (commit-worker.ts) say to each other. Only
 * plain data crosses: errors are encoded here and rebuilt as the classes callers check
 * with instanceof (WrongExpectedRevisionError, IdempotencyConflictError, SqliteError).
 */
import Database from 'better-sqlite3';
import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type ExpectedRevision,
} from '../event-store.port.js';
import type { AppendOutcome, AppendRequest } from './sqlite-batch-writer.js';

export interface CommitWorkerData {
  path: string;
  busyTimeoutMs: number;
}

export type ToCommitThread = { kind: 'write'; batch: AppendRequest[] } | { kind: 'close' };

export type FromCommitThread =
  /** the batch's transaction committed (or failed as a whole: then `failure` and no outcomes) */
  | { kind: 'written'; outcomes: EncodedOutcome[] }
  | { kind: 'failed'; failure: EncodedError }
  | { kind: 'closed' };

export type EncodedOutcome = { ok: true; result: AppendResult } | { ok: false; error: EncodedError };

export type EncodedError =
  | { kind: 'wrong-expected-revision'; streamId: string; expected: ExpectedRevision; actual: bigint | 'no_stream' }
  | { kind: 'idempotency-conflict'; streamId: string; eventId: string }
  | { kind: 'other'; name: string; message: string; code: string | undefined; stack: string | undefined };

export function encodeError(error: unknown): EncodedError {
  if (error instanceof WrongExpectedRevisionError) {
    return { kind: 'wrong-expected-revision', streamId: error.streamId, expected: error.expected, actual: error.actual };
  }
  if (error instanceof IdempotencyConflictError) {
    return { kind: 'idempotency-conflict', streamId: error.streamId, eventId: error.eventId };
  }
  const { name, message, stack } = error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
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
          : Object.assign(new Error(encoded.message), { name: encoded.name }, encoded.code === undefined ? {} : { code: encoded.code });
      if (encoded.stack) error.stack = `${error.stack ?? ''}\n  on the commit thread: ${encoded.stack}`;
      return error;
    }
  }
}

export const encodeOutcome = (outcome: AppendOutcome): EncodedOutcome =>
  outcome.ok ? outcome : { ok: false, error: encodeError(outcome.error) };

export const decodeOutcome = (outcome: EncodedOutcome): AppendOutcome =>
  outcome.ok ? outcome : { ok: false, error: decodeError(outcome.error) };
