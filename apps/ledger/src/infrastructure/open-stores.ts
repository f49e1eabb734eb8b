/** Opens the stores the configuration names (shared by the HTTP service and the CLI). */
import { mkdirSync } from 'node:fs';
import type { EventStore } from '@meals/event-store';
import { createEventStore } from '@meals/event-store/create';
import type { ReadModelStore } from '@meals/read-model-store';
import { createReadModelStore } from '@meals/read-model-store/create';
import { READ_MODEL_COLLECTIONS } from '@meals/read-models';
import type { LedgerConfig } from '../config/ledger-config.js';
import type { IdentityStore } from '../identity/store/identity-store.port.js';
import { createIdentityStore } from '../identity/store/open-identity-store.js';

function ensureDataDir(config: LedgerConfig): void {
  if (
    config.eventStore.kind === 'sqlite' ||
    config.readModelStore.kind === 'sqlite' ||
    config.identityStore.kind === 'sqlite'
  ) {
    mkdirSync(config.dataDir, { recursive: true });
  }
}

/** The identity store only (the CLI needs nothing else). */
export async function openIdentityStore(config: LedgerConfig): Promise<IdentityStore> {
  ensureDataDir(config);
  return createIdentityStore(config.identityStore);
}

export interface LedgerStores {
  eventStore: EventStore;
  readModels: ReadModelStore;
  identityStore: IdentityStore;
  close(): Promise<void>;
}

export async function openLedgerStores(config: LedgerConfig): Promise<LedgerStores> {
  ensureDataDir(config);
  const eventStore = await createEventStore(config.eventStore);
  const readModels = await createReadModelStore(config.readModelStore);
  // The projections create these too; whoever starts first wins, both are idempotent.
  await readModels.ensureCollections([...READ_MODEL_COLLECTIONS]);
  const identityStore = await openIdentityStore(config);
  return {
    eventStore,
    readModels,
    identityStore,
    async close() {
      await Promise.allSettled([eventStore.close(), readModels.close(), identityStore.close()]);
    },
  };
}
