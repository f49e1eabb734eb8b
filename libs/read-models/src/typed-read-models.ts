import type { Doc, ReadModelStore, Scalar } from '@meals/read-model-store';
import type { Collection } from './collections.js';

type Field<T> = keyof T & string;

/** The store's Query with fields checked against the collection's document type. */
export interface TypedQuery<T extends Doc> {
  where?: Partial<Record<Field<T>, Scalar>>;
  range?: { field: Field<T>; gte?: Scalar; gt?: Scalar; lte?: Scalar; lt?: Scalar };
  orderBy?: { field: Field<T>; direction: 'asc' | 'desc' }[];
  limit?: number;
}

/**
 * Reads of the read-model store through the collection registry: the document type comes
 * with the collection, so no caller spells a collection name or asserts a type.
 */
export class TypedReadModels {
  constructor(readonly store: ReadModelStore) {}

  get<T extends Doc>(collection: Collection<T>, id: string): Promise<T | null> {
    return this.store.get<T>(collection.name, id);
  }

  getMany<T extends Doc>(collection: Collection<T>, ids: string[]): Promise<Map<string, T>> {
    return this.store.getMany<T>(collection.name, ids);
  }

  find<T extends Doc>(collection: Collection<T>, query?: TypedQuery<T>): Promise<T[]> {
    return this.store.find<T>(collection.name, query as Parameters<ReadModelStore['find']>[1]);
  }

  count<T extends Doc>(collection: Collection<T>, query?: Pick<TypedQuery<T>, 'where' | 'range'>): Promise<number> {
    return this.store.count(collection.name, query as Parameters<ReadModelStore['count']>[1]);
  }
}
