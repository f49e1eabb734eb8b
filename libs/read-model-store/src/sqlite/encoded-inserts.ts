/**
 * Inserts (Change op `insert`) into one collection with their documents serialised and
 * UTF-8 encoded where they were built, e.g. on a rebuild's replay thread: the bytes cross to
 * the writing thread without a copy (transferred) and are stored as they are.
 */
export interface EncodedInserts {
  collection: string;
  ids: string[];
  /** the documents' JSON one after another, UTF-8 */
  utf8: Uint8Array;
  /** where document i ends in `utf8` (it starts where document i − 1 ends) */
  ends: Uint32Array;
}

const encoder = new TextEncoder();
/** UTF-8 needs at most 3 bytes per UTF-16 code unit */
const MAX_BYTES_PER_CHAR = 3;

/** Collects inserts into EncodedInserts; `take` hands them out and starts over. */
export class InsertsEncoder {
  private scratch = new Uint8Array(1 << 20);
  private used = 0;
  private ids: string[] = [];
  private ends: number[] = [];

  constructor(readonly collection: string) {}

  /** `json`: JSON.stringify of the document, which starts with its `_id`, `id` (see Change). */
  add(id: string, json: string): void {
    if (!json.startsWith(`{"_id":${JSON.stringify(id)}`)) {
      throw new Error(`${this.collection}/${id}: the serialised document does not start with its _id`);
    }
    const needed = this.used + json.length * MAX_BYTES_PER_CHAR;
    if (needed > this.scratch.length) {
      const grown = new Uint8Array(Math.max(needed, this.scratch.length * 2));
      grown.set(this.scratch.subarray(0, this.used));
      this.scratch = grown;
    }
    this.used += encoder.encodeInto(json, this.scratch.subarray(this.used)).written;
    this.ids.push(id);
    this.ends.push(this.used);
  }

  /** What was added since the last take (its buffers may be transferred), or null for nothing. */
  take(): EncodedInserts | null {
    if (this.ids.length === 0) return null;
    const taken: EncodedInserts = {
      collection: this.collection,
      ids: this.ids,
      utf8: this.scratch.slice(0, this.used),
      ends: Uint32Array.from(this.ends),
    };
    this.used = 0;
    this.ids = [];
    this.ends = [];
    return taken;
  }
}

/** The buffers to transfer with `inserts`. */
export const encodedInsertsTransfer = (inserts: EncodedInserts): ArrayBuffer[] => [
  inserts.utf8.buffer as ArrayBuffer,
  inserts.ends.buffer as ArrayBuffer,
];
