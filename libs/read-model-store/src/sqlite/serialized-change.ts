import { storedDoc } from '../changes.js';
import type { Change } from '../read-model-store.port.js';

/**
 * Changes with their documents already turned into the JSON text that is stored, in columns:
 * change i is a put of `jsons[i]` to `collections[i]`/`ids[i]`, or a delete when `jsons[i]`
 * is null. Columns of strings cost little to pass to another thread; objects cost more.
 */
export interface SerializedChanges {
  collections: string[];
  ids: string[];
  jsons: (string | null)[];
}

/**
 * Serialises every document before anything is written: a document that cannot be stored
 * (an `_id` that differs from the change id, a cycle) fails the whole commit.
 */
export function serializeChanges(changes: readonly Change[]): SerializedChanges {
  const serialized: SerializedChanges = { collections: [], ids: [], jsons: [] };
  for (const change of changes) {
    serialized.collections.push(change.collection);
    serialized.ids.push(change.id);
    serialized.jsons.push(change.op === 'put' ? JSON.stringify(storedDoc(change)) : null);
  }
  return serialized;
}
