import type { TableRowIds } from './bulk-row-ids.js';
import type { SerializedChanges } from './serialized-change.js';
import type { WriteRow } from './sqlite-executor.js';
import { deleteByRowidSql, insertRowsSql, updateByRowidSql } from './sql-statements.js';

/** New rows per INSERT statement: one statement per row costs more than the row itself. */
export const BULK_INSERT_ROWS = 64;

interface PendingInserts {
  collection: string;
  /** rowid, id, doc of each new row, flat */
  params: (string | number)[];
  /** the smallest rowid in `params` */
  firstRowid: number;
}

/**
 * The SQL rows of one bulk-load commit. New documents are appended many rows per INSERT;
 * known ones are rewritten or deleted by rowid. Operations on one row keep their order: the
 * inserts waiting for a multi-row statement are written before a later change to one of them.
 * Updates `rowIds` as it goes (the caller restores them if the transaction fails).
 */
export function bulkWriteRows(
  changes: SerializedChanges,
  rowIdsOf: (collection: string) => TableRowIds,
  sqlIndex: (sql: string) => number,
): WriteRow[] {
  const rows: WriteRow[] = [];
  const pending = new Map<string, PendingInserts>();
  const flush = (inserts: PendingInserts): void => {
    pending.delete(inserts.collection);
    const { collection, params } = inserts;
    for (let start = 0; start < params.length; start += BULK_INSERT_ROWS * 3) {
      const chunk = params.slice(start, start + BULK_INSERT_ROWS * 3);
      rows.push([sqlIndex(insertRowsSql(collection, chunk.length / 3)), ...chunk]);
    }
  };

  const { collections, ids, jsons } = changes;
  for (let i = 0; i < ids.length; i++) {
    const collection = collections[i]!;
    const id = ids[i]!;
    const json = jsons[i] as string | null;
    const rowIds = rowIdsOf(collection);
    const rowid = rowIds.get(id);
    const waiting = pending.get(collection);
    if (rowid !== undefined && waiting && rowid >= waiting.firstRowid) flush(waiting);
    if (json === null) {
      if (rowid === undefined) continue;
      rows.push([sqlIndex(deleteByRowidSql(collection)), rowid]);
      rowIds.remove(id);
    } else if (rowid !== undefined) {
      rows.push([sqlIndex(updateByRowidSql(collection)), json, rowid]);
    } else {
      const appended = rowIds.append(id);
      const inserts = pending.get(collection);
      if (inserts) inserts.params.push(appended, id, json);
      else pending.set(collection, { collection, params: [appended, id, json], firstRowid: appended });
    }
  }
  for (const inserts of [...pending.values()]) flush(inserts);
  return rows;
}
