/**
 * Collection and field names end up inside SQL text and MongoDB paths, so both adapters
 * accept only plain identifiers (no dots, quotes or `$`).
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function assertCollectionName(name: string): void {
  if (!IDENTIFIER.test(name) || name.startsWith('_')) {
    throw new Error(`invalid collection name ${JSON.stringify(name)}: letters, digits and _ only, not starting with _`);
  }
}

export function assertFieldName(field: string): void {
  if (!IDENTIFIER.test(field)) {
    throw new Error(`invalid field name ${JSON.stringify(field)}: top-level identifiers only`);
  }
}

/** Name of the projection checkpoints collection/table (not a valid user collection name). */
export const CHECKPOINTS = '_checkpoints';
