import type { TableRowIds } from './bulk-row-ids.js';
import type { SerializedChanges } from './serialized-change.js';
import type { WriteRow } from './sqlite-executor.js';
import { deleteByRowidSql, insertRowsSql, updateByRowidSql } from './sql-statements.js';

/** New rows per INSERT statement: one statement per row costs more than the row itself. */
export const BULK_INSERT_ROWS = 64;

interface PendingInserts {
  collection: string;
  /** rowid, id, doc of each new row, flat */
  params: (string | number | Uint8Array)[];
  /** the smallest rowid in `params` */
  firstRowid: number;
}

/**
 * How a bulk-load commit finds a table's row locations: `lookups` when the commit looks ids
 * up in it (a put or delete: the rows appended unremembered must be remembered first), not
 * when it only inserts.
 */
export type RowIdsOf = (collection: string, lookups: boolean) => TableRowIds;

/**
 * The SQL rows of one bulk-load commit. New documents are appended many rows per INSERT;
 * known ones are rewritten or deleted by rowid. Operations on one row keep their order: the
 * inserts waiting for a multi-row statement are written before a later change to one of them.
 * Inserts into a table the commit only inserts into are appended without remembering their
 * ids (see TableRowIds). Updates `rowIds` as it goes (the caller restores them if the
 * transaction fails).
 */
export function bulkWriteRows(
  changes: SerializedChanges,
  rowIdsOf: RowIdsOf,
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

  const append = (collection: string, rowid: number, id: string, json: string | Uint8Array): void => {
    const waiting = pending.get(collection);
    if (waiting) waiting.params.push(rowid, id, json);
    else pending.set(collection, { collection, params: [rowid, id, json], firstRowid: rowid });
  };

  const { collections, ids, jsons, inserts } = changes;
  const lookedUp = collectionsLookedUp(changes);
  for (let i = 0; i < ids.length; i++) {
    const collection = collections[i]!;
    const id = ids[i]!;
    const json = jsons[i] as string | Uint8Array | null;
    const lookups = lookedUp.has(collection);
    const rowIds = rowIdsOf(collection, lookups);
    if (!lookups) {
      // an insert (never a delete: its document is there) into a table this commit only inserts into
      append(collection, rowIds.appendUnremembered(), id, json as string | Uint8Array);
      continue;
    }
    const rowid = inserts[i] === 1 ? undefined : rowIds.get(id);
    const waiting = pending.get(collection);
    if (rowid !== undefined && waiting && rowid >= waiting.firstRowid) flush(waiting);
    if (json === null) {
      if (rowid === undefined) continue;
      rows.push([sqlIndex(deleteByRowidSql(collection)), rowid]);
      rowIds.remove(id);
    } else if (rowid !== undefined) {
      rows.push([sqlIndex(updateByRowidSql(collection)), json, rowid]);
    } else {
      append(collection, rowIds.append(id), id, json);
    }
  }
  for (const waiting of [...pending.values()]) flush(waiting);
  return rows;
}

/** Collections with a put or delete among the changes. */
export function collectionsLookedUp({ collections, inserts }: SerializedChanges): Set<string> {
  const lookedUp = new Set<string>();
  for (let i = 0; i < collections.length; i++) if (inserts[i] !== 1) lookedUp.add(collections[i]!);
  return lookedUp;
}
