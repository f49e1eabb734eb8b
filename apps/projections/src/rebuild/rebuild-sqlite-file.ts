import { rmSync } from 'node:fs';
import { assertSqliteFileNotInUse, openSqliteReadModelStore, swapSqliteFile } from '@meals/read-model-store';
import { rebuildReadModels, type RebuildOptions, type RebuildResult } from './rebuild-read-models.js';

export interface RebuildSqliteFileOptions extends Omit<RebuildOptions, 'readModels'> {
  /** the read-model file to replace, e.g. `$DATA_DIR/read-models.db` */
  path: string;
}

/**
 * The embedded-default rebuild: builds the read models into a fresh file next to `path`
 * (no WAL, synchronous OFF: a crash only loses the half-built file), then renames it over
 * `path` atomically. Refuses to start, and to swap, while another process has `path` open
 * (the ledger or the projections service): stop them first. Until the swap the old read
 * models stay untouched.
 */
export async function rebuildSqliteReadModelsFile(options: RebuildSqliteFileOptions): Promise<RebuildResult> {
  const { path, ...rebuild } = options;
  assertSqliteFileNotInUse(path);
  const buildPath = `${path}.rebuild`;
  removeDatabaseFiles(buildPath);
  const readModels = await openSqliteReadModelStore({ path: buildPath, bulkLoad: true });
  let result: RebuildResult;
  try {
    result = await rebuildReadModels({ ...rebuild, readModels });
  } catch (error) {
    await readModels.close();
    removeDatabaseFiles(buildPath);
    throw error;
  }
  await readModels.close();
  swapSqliteFile(buildPath, path);
  return result;
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
