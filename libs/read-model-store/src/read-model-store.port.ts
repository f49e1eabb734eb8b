/**
 * The read-model store port: documents in named collections, updated by projections in
 * atomic batches together with their checkpoint, queried by the API.
 * Adapters: SQLite (embedded default) and MongoDB (distributed profile).
 */

export type Scalar = string | number | boolean | null;
export type DocValue = Scalar | DocValue[] | { [key: string]: DocValue };
/**
 * A stored document; `_id` is reserved for the document id: documents read back always
 * carry it, and a document put with an `_id` must use the change id.
 */
export type Doc = { [key: string]: DocValue };

export type Change =
  /** insert or replace the whole document */
  | { op: 'put'; collection: string; id: string; doc: Doc }
  /**
   * A document that is new to the collection, and not written again in the same commit
   * (e.g. one per event, keyed by the event id): a store may write it without looking for
   * one to replace. Inserting an id the collection holds fails the commit; a bulk load may
   * only find out when it builds its id index at close.
   */
  | { op: 'insert'; collection: string; id: string; doc: Doc }
  | { op: 'delete'; collection: string; id: string };

export interface RangeFilter {
  field: string;
  gte?: Scalar;
  gt?: Scalar;
  lte?: Scalar;
  lt?: Scalar;
}

export interface Query {
  /** equality on top-level fields */
  where?: Record<string, Scalar>;
  range?: RangeFilter;
  orderBy?: { field: string; direction: 'asc' | 'desc' }[];
  limit?: number;
}

export interface CollectionSpec {
  name: string;
  /** compound indexes, each a list of top-level field names */
  indexes: string[][];
}

export interface Checkpoint {
  /** projection name */
  name: string;
  /** global position of the last applied event, as a decimal string (bigint-safe) */
  position: string;
}

/** The checkpoints a commit moves, as a list. */
export const checkpointList = (checkpoint: Checkpoint | readonly Checkpoint[] | undefined): readonly Checkpoint[] =>
  checkpoint === undefined ? [] : 'name' in checkpoint ? [checkpoint] : checkpoint;

export interface ReadModelStore {
  /** Creates the collection and its indexes if missing (idempotent). */
  ensureCollections(specs: CollectionSpec[]): Promise<void>;
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null>;
  getMany<T extends Doc = Doc>(collection: string, ids: string[]): Promise<Map<string, T>>;
  /** Matching documents sorted by `orderBy`, ties (and no `orderBy`) by `_id` ascending. */
  find<T extends Doc = Doc>(collection: string, query?: Query): Promise<T[]>;
  count(collection: string, query?: Pick<Query, 'where' | 'range'>): Promise<number>;
  /**
   * Applies all changes and (optionally) moves the checkpoints (one, or several: one per
   * projection committed together) in one atomic unit: either all of it is visible
   * afterwards or none, so a crash can never apply an event twice or skip one.
   */
  commit(changes: Change[], checkpoint?: Checkpoint | readonly Checkpoint[]): Promise<void>;
  getCheckpoint(name: string): Promise<string | null>;
  /**
   * Removes every document of the collections (used by a rebuild), and the named
   * checkpoints, so that a projection restarts from the beginning.
   */
  clear(collections: string[], checkpoints?: string[]): Promise<void>;
  close(): Promise<void>;
}

/** A write refused for want of disk space: retry once space returns (one type for every adapter). */
export { StorageFullError } from '@meals/sqlite-support';
