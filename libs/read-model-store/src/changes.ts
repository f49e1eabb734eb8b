import type { Change, Doc } from './read-model-store.port.js';

/** The document exactly as stored: the change id under `_id`, put first like MongoDB does. */
export function storedDoc(change: Extract<Change, { op: 'put' | 'insert' }>): Doc {
  const { id, doc } = change;
  if (doc['_id'] === undefined) return { _id: id, ...doc };
  if (doc['_id'] !== id) {
    throw new Error(`${change.collection}/${id}: doc._id ${JSON.stringify(doc['_id'])} differs from the change id`);
  }
  return doc;
}

/** A collection that was never declared through ensureCollections cannot be written to. */
export class UnknownCollectionError extends Error {
  constructor(readonly collection: string) {
    super(`collection ${collection} is not declared: call ensureCollections first`);
    this.name = 'UnknownCollectionError';
  }
}
