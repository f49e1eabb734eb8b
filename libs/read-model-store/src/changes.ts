import type { Change, Doc } from './read-model-store.port.js';

type Write = Extract<Change, { op: 'put' | 'insert' }>;

/** The document exactly as stored: the change id under `_id`, put first like MongoDB does. */
export function storedDoc(change: Write): Doc {
  if ('json' in change) return JSON.parse(storedJson(change)) as Doc;
  const { id, doc } = change;
  if (doc['_id'] === undefined) return { _id: id, ...doc };
  if (doc['_id'] !== id) {
    throw new Error(`${change.collection}/${id}: doc._id ${JSON.stringify(doc['_id'])} differs from the change id`);
  }
  return doc;
}

/** storedDoc as JSON text; a serialised document must start with its `_id`, the change id. */
export function storedJson(change: Write): string {
  if (!('json' in change)) return JSON.stringify(storedDoc(change));
  const { id, json } = change;
  const start = `{"_id":${JSON.stringify(id)}`;
  if (!json.startsWith(start) || (json[start.length] !== ',' && json[start.length] !== '}')) {
    throw new Error(`${change.collection}/${id}: the serialised document does not start with _id ${JSON.stringify(id)}`);
  }
  return json;
}

/** A collection that was never declared through ensureCollections cannot be written to. */
export class UnknownCollectionError extends Error {
  constructor(readonly collection: string) {
    super(`collection ${collection} is not declared: call ensureCollections first`);
    this.name = 'UnknownCollectionError';
  }
}
