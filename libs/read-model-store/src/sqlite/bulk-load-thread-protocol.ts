/**
 * What the event loop and the bulk-load thread (bulk-load-worker.ts) say to each other:
 * calls of the thread's SqliteReadModelStore, answered one by one in the order sent. Only
 * plain data crosses; errors are rebuilt on this side.
 */
import type { MessagePort } from 'node:worker_threads';
import { UnknownCollectionError } from '../changes.js';
import type { SqliteReadModelStore } from './sqlite-read-model-store.js';

export interface BulkLoadWorkerData {
  path: string;
}

type Callable =
  'ensureCollections' | 'get' | 'getMany' | 'find' | 'count' | 'getCheckpoint' | 'clear' | 'commitSerialized' | 'close';

export type BulkLoadCall =
  | {
      [M in Callable]: { method: M; args: Parameters<SqliteReadModelStore[M]> };
    }[Callable]
  /** EncodedInserts will come on `feed` (see SqliteBulkLoadThread.insertFeed) */
  | { method: 'attachInsertFeed'; args: []; feed: MessagePort };

export type BulkLoadAnswer = { ok: true; value: unknown } | { ok: false; error: EncodedError };

export interface EncodedError {
  name: string;
  message: string;
  stack: string | undefined;
  /** of an UnknownCollectionError */
  collection?: string;
}

export function encodeError(error: unknown): EncodedError {
  if (error instanceof UnknownCollectionError) {
    return { name: error.name, message: error.message, stack: error.stack, collection: error.collection };
  }
  const { name, message, stack } =
    error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
  return { name, message, stack };
}

export function decodeError(encoded: EncodedError): Error {
  const error =
    encoded.collection !== undefined
      ? new UnknownCollectionError(encoded.collection)
      : Object.assign(new Error(encoded.message), { name: encoded.name });
  if (encoded.stack) error.stack = `${error.stack ?? ''}\n  on the bulk-load thread: ${encoded.stack}`;
  return error;
}
