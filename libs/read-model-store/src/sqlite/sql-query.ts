import { assertFieldName } from '../names.js';
import type { Query, RangeFilter, Scalar } from '../read-model-store.port.js';

/**
 * Translates a port query into SQL over `doc` JSON. Field expressions are written exactly
 * like the expression indexes (`json_extract(doc, '$.field')`) so that SQLite uses them.
 */

export type SqlValue = string | number | null;

export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

export function fieldExpression(field: string): string {
  if (field === '_id') return 'id';
  assertFieldName(field);
  return `json_extract(doc, '$.${field}')`;
}

/** SQLite has no booleans: json_extract yields 1/0 for true/false, so bind the same. */
export function toSqlValue(value: Scalar): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

const RANGE_OPERATORS = [
  ['gte', '>='],
  ['gt', '>'],
  ['lte', '<='],
  ['lt', '<'],
] as const;

export function whereClause(query: Pick<Query, 'where' | 'range'> | undefined): SqlFragment {
  const terms: string[] = [];
  const params: SqlValue[] = [];
  for (const [field, value] of Object.entries(query?.where ?? {})) {
    if (value === null) {
      terms.push(`${fieldExpression(field)} IS NULL`);
    } else {
      terms.push(`${fieldExpression(field)} = ?`);
      params.push(toSqlValue(value));
    }
  }
  const range: RangeFilter | undefined = query?.range;
  if (range) {
    for (const [key, operator] of RANGE_OPERATORS) {
      const bound = range[key];
      if (bound === undefined) continue;
      if (bound === null) throw new Error(`range bound ${key} on ${range.field} must not be null`);
      terms.push(`${fieldExpression(range.field)} ${operator} ?`);
      params.push(toSqlValue(bound));
    }
  }
  return { sql: terms.length ? ` WHERE ${terms.join(' AND ')}` : '', params };
}

export function orderClause(orderBy: Query['orderBy']): string {
  const terms = (orderBy ?? []).map(
    ({ field, direction }) => `${fieldExpression(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`,
  );
  if (!(orderBy ?? []).some(({ field }) => field === '_id')) terms.push('id ASC');
  return ` ORDER BY ${terms.join(', ')}`;
}

export function limitClause(limit: number | undefined): SqlFragment {
  if (limit === undefined) return { sql: '', params: [] };
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`limit must be a non-negative integer, got ${limit}`);
  return { sql: ' LIMIT ?', params: [limit] };
}
