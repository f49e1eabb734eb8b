import type { Change, Doc, ReadModelStore } from '@meals/read-model-store';
import type { Collection, CollectionRef } from '../collections.js';

export interface DocKey {
  collection: string;
  id: string;
}

/** A document was read before it was loaded: load it and apply the event again. */
export class NotLoadedError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`working set: ${collection}/${id} was not loaded`);
    this.name = 'NotLoadedError';
  }
}

/**
 * The documents a batch of events is folded over: what the store holds (loaded with
 * getMany, remembered across batches because this projection is the collections' only
 * writer) plus what the batch changed so far. Reading a document that was not loaded
 * throws NotLoadedError.
 */
export class WorkingSet {
  /** committed state: doc, or null when the store has none */
  private readonly committed = new Map<string, Map<string, Doc | null>>();
  private readonly changed = new Map<string, Map<string, Doc>>();
  /** puts to write-only collections, in order (a later put of the same id wins in the store too) */
  private readonly written: Change[] = [];
  private committedCount = 0;
  /**
   * Every document the store holds is remembered here (or write-only): true while a set
   * that started from an empty store has forgotten nothing. Unknown documents are then absent.
   */
  private complete: boolean;

  constructor(
    /** collections only ever written (never read back by the projection): neither remembered nor merged */
    private readonly writeOnly: ReadonlySet<string>,
    /** remembered committed documents before the memory is dropped */
    private readonly cacheLimit: number,
    /** the store holds only what this working set accepts (a rebuild into cleared collections) */
    startsEmpty = false,
  ) {
    this.complete = startsEmpty;
  }

  /** True when no document needs loading: see `complete`. */
  get knowsEverything(): boolean {
    return this.complete;
  }

  isKnown(collection: CollectionRef, id: string): boolean {
    return this.isKnownKey(collection.name, id);
  }

  isKnownKey(collection: string, id: string): boolean {
    return (
      this.complete ||
      this.changed.get(collection)?.has(id) === true ||
      this.committed.get(collection)?.has(id) === true
    );
  }

  get<T extends Doc>({ name: collection }: Collection<T>, id: string): T | null {
    const changed = this.changed.get(collection)?.get(id);
    if (changed !== undefined) return changed as T;
    const committed = this.committed.get(collection)?.get(id);
    if (committed !== undefined) return committed as T | null;
    if (this.complete) return null;
    throw new NotLoadedError(collection, id);
  }

  put<T extends Doc>({ name: collection }: Collection<T>, id: string, doc: T): void {
    if (this.writeOnly.has(collection)) {
      this.written.push({ op: 'put', collection, id, doc });
      return;
    }
    let docs = this.changed.get(collection);
    if (!docs) this.changed.set(collection, (docs = new Map()));
    docs.set(id, doc);
  }

  /**
   * A document new to a write-only collection, never written again (one per event, keyed
   * by the event id): the store need not look for one to replace.
   */
  insert<T extends Doc>({ name: collection }: Collection<T>, id: string, doc: T): void {
    if (!this.writeOnly.has(collection))
      throw new Error(`working set: insert into ${collection}, which is not write-only`);
    this.written.push({ op: 'insert', collection, id, doc });
  }

  /** Loads the keys not known yet (absent documents are remembered as absent). */
  async load(store: ReadModelStore, keys: Iterable<DocKey>): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const { collection, id } of keys) {
      if (this.isKnownKey(collection, id)) continue;
      let ids = wanted.get(collection);
      if (!ids) wanted.set(collection, (ids = new Set()));
      ids.add(id);
    }
    for (const [collection, ids] of wanted) {
      const found = await store.getMany(collection, [...ids]);
      let docs = this.committed.get(collection);
      if (!docs) this.committed.set(collection, (docs = new Map()));
      for (const id of ids) docs.set(id, found.get(id) ?? null);
      this.committedCount += ids.size;
    }
  }

  /** Every document the batch changed, as puts. */
  changes(): Change[] {
    const changes: Change[] = [...this.written];
    for (const [collection, docs] of this.changed) {
      for (const [id, doc] of docs) changes.push({ op: 'put', collection, id, doc });
    }
    return changes;
  }

  /** The batch was committed: its documents are now the committed state. */
  accept(): void {
    for (const [collection, docs] of this.changed) {
      let committed = this.committed.get(collection);
      if (!committed) this.committed.set(collection, (committed = new Map()));
      for (const [id, doc] of docs) {
        if (!committed.has(id)) this.committedCount++;
        committed.set(id, doc);
      }
    }
    this.changed.clear();
    this.written.length = 0;
    if (this.committedCount > this.cacheLimit) this.forget();
  }

  /** The batch was not committed (or may not have been): start over from the store. */
  discard(): void {
    this.changed.clear();
    this.written.length = 0;
    this.forget();
  }

  private forget(): void {
    this.committed.clear();
    this.committedCount = 0;
    this.complete = false;
  }
}
