/**
 * A small least-recently-used cache (Map keeps insertion order; the oldest key is evicted).
 * A hit moves its key to the young end only if the key has aged by a quarter of the
 * capacity since it was last placed there: the hot keys of the sale path (a till's key,
 * its cards and accounts) are hit thousands of times a second, and moving a key costs a
 * delete and an insert. An entry hit at some moment still outlives at least three
 * quarters of the capacity's worth of newer entries, instead of all of it.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; placedAt: number }>();
  /** counts placements at the young end */
  private clock = 0;
  private readonly promoteAfter: number;

  constructor(private readonly capacity: number) {
    this.promoteAfter = Math.floor(capacity / 4);
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.clock - entry.placedAt > this.promoteAfter) {
      this.entries.delete(key);
      entry.placedAt = ++this.clock;
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, placedAt: ++this.clock });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
