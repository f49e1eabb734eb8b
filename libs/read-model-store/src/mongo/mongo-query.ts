import type { Filter, Sort } from 'mongodb';
import { assertFieldName } from '../names.js';
import type { Doc, Query } from '../read-model-store.port.js';

/** Port queries as MongoDB filters and sorts (ties broken by `_id`, like the SQLite adapter). */

export type StoredDoc = Doc & { _id: string };

export function filterOf(query: Pick<Query, 'where' | 'range'> | undefined): Filter<StoredDoc> {
  const clauses: Record<string, unknown>[] = [];
  for (const [field, value] of Object.entries(query?.where ?? {})) {
    if (field !== '_id') assertFieldName(field);
    clauses.push({ [field]: value });
  }
  const range = query?.range;
  if (range) {
    if (range.field !== '_id') assertFieldName(range.field);
    for (const key of ['gte', 'gt', 'lte', 'lt'] as const) {
      const bound = range[key];
      if (bound === undefined) continue;
      if (bound === null) throw new Error(`range bound ${key} on ${range.field} must not be null`);
      clauses.push({ [range.field]: { [`$${key}`]: bound } });
    }
  }
  return (clauses.length === 0 ? {} : { $and: clauses }) as Filter<StoredDoc>;
}

export function sortOf(orderBy: Query['orderBy']): Sort {
  const sort: Record<string, 1 | -1> = {};
  for (const { field, direction } of orderBy ?? []) {
    if (field !== '_id') assertFieldName(field);
    sort[field] = direction === 'desc' ? -1 : 1;
  }
  if (!('_id' in sort)) sort['_id'] = 1;
  return sort;
}
