/**
 * An immutable map for states that grow one entry at a time (an account's checks, top-ups,
 * cards). `with(key, value)` returns a new map and leaves this one as it was, like copying
 * a Map and setting the key, but it copies only a small layer of recent entries: the large
 * base layer is shared between the versions until the recent layer is full, then the two
 * are merged into a new base. Evolving an account after a sale thus costs a few dozen
 * entry copies instead of one per check of the whole school year.
 *
 * Reads and iteration behave like a Map's: a key keeps the position of its first insertion.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  /** entries of the recent layer before a merge; bounds the copy made per `with` */
  static readonly MAX_RECENT = 32;

  /** never mutated once the map exists (it may be shared with other versions) */
  readonly #base: ReadonlyMap<K, V>;
  /** never mutated once the map exists; its keys override the base's */
  readonly #recent: ReadonlyMap<K, V>;
  readonly #size: number;

  private constructor(base: ReadonlyMap<K, V>, recent: ReadonlyMap<K, V>, size: number) {
    this.#base = base;
    this.#recent = recent;
    this.#size = size;
  }

  static empty<K, V>(): LayeredMap<K, V> {
    return new LayeredMap<K, V>(new Map(), new Map(), 0);
  }

  /** A LayeredMap over `entries`, which must not be changed afterwards (it is shared, not copied). */
  static over<K, V>(entries: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return entries instanceof LayeredMap ? entries : new LayeredMap(entries, new Map(), entries.size);
  }

  with(key: K, value: V): LayeredMap<K, V> {
    if (this.#recent.size < LayeredMap.MAX_RECENT) {
      const recent = new Map(this.#recent).set(key, value);
      return new LayeredMap(this.#base, recent, this.has(key) ? this.#size : this.#size + 1);
    }
    const merged = new Map(this.#base);
    for (const [k, v] of this.#recent) merged.set(k, v);
    merged.set(key, value);
    return new LayeredMap(merged, new Map(), merged.size);
  }

  get(key: K): V | undefined {
    return this.#recent.has(key) ? this.#recent.get(key) : this.#base.get(key);
  }

  has(key: K): boolean {
    return this.#recent.has(key) || this.#base.has(key);
  }

  get size(): number {
    return this.#size;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.#base) yield [key, this.#recent.has(key) ? (this.#recent.get(key) as V) : value];
    for (const entry of this.#recent) if (!this.#base.has(entry[0])) yield entry;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
