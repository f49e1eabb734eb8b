import { storedDoc } from '../changes.js';
import type { Change } from '../read-model-store.port.js';

/**
 * Changes with their documents already turned into the JSON text that is stored, in columns:
 * change i writes `jsons[i]` to `collections[i]`/`ids[i]` (an insert when `inserts[i]` is 1,
 * else a put), or deletes it when `jsons[i]` is null. Columns of strings cost little to pass
 * to another thread; objects cost more. A document may also come UTF-8 encoded (EncodedInserts).
 */
export interface SerializedChanges {
  collections: string[];
  ids: string[];
  jsons: (string | Uint8Array | null)[];
  /** 1 where the change is an insert */
  inserts: Uint8Array;
}

/**
 * Serialises every document before anything is written: a document that cannot be stored
 * (an `_id` that differs from the change id, a cycle) fails the whole commit.
 */
export function serializeChanges(changes: readonly Change[]): SerializedChanges {
  const serialized: SerializedChanges = {
    collections: [],
    ids: [],
    jsons: [],
    inserts: new Uint8Array(changes.length),
  };
  changes.forEach((change, i) => {
    serialized.collections.push(change.collection);
    serialized.ids.push(change.id);
    serialized.jsons.push(change.op === 'delete' ? null : JSON.stringify(storedDoc(change)));
    if (change.op === 'insert') serialized.inserts[i] = 1;
  });
  return serialized;
}
