import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@meals/event-store';
import { openSqliteEventStore } from '@meals/event-store/sqlite';
import type { Doc, ReadModelStore } from '@meals/read-model-store';
import { openSqliteReadModelStore } from '@meals/read-model-store/sqlite';
import { PROJECTIONS, versionCheckpointName } from '@meals/read-models';

/** A temp directory with real SQLite files, removed by dispose(). */
export class TempStores {
  readonly dir = mkdtempSync(join(tmpdir(), 'projections-test-'));
  private readonly opened: { close(): Promise<void> }[] = [];

  path(name: string): string {
    return join(this.dir, name);
  }

  eventStore(name = 'events.db'): EventStore {
    const store = openSqliteEventStore({ path: this.path(name), pollIntervalMs: 5 });
    this.opened.push(store);
    return store;
  }

  async readModels(name = 'read-models.db'): Promise<ReadModelStore> {
    const store = await openSqliteReadModelStore({ path: this.path(name) });
    this.opened.push(store);
    return store;
  }

  async dispose(): Promise<void> {
    for (const store of this.opened.reverse()) await store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Every document of every collection of every projection definition, in `_id` order, and
 * each definition's checkpoint and version (under `checkpoints`).
 */
export async function dumpReadModels(store: ReadModelStore): Promise<Record<string, Doc[]>> {
  const dump: Record<string, Doc[]> = {};
  const checkpoints: Doc[] = [];
  for (const definition of PROJECTIONS) {
    for (const { name } of definition.collections) dump[name] = await store.find(name);
    checkpoints.push({
      _id: definition.name,
      position: await store.getCheckpoint(definition.name),
      version: await store.getCheckpoint(versionCheckpointName(definition)),
    });
  }
  dump['checkpoints'] = checkpoints;
  return dump;
}
