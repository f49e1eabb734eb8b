/** Opens the identity store the configuration names. */
import type { IdentityStore, IdentityStoreConfig } from './identity-store.port.js';
import { openMongoIdentityStore } from './mongo-identity-store.js';
import { openSqliteIdentityStore } from './sqlite-identity-store.js';

export async function createIdentityStore(config: IdentityStoreConfig): Promise<IdentityStore> {
  return config.kind === 'sqlite' ? openSqliteIdentityStore(config) : openMongoIdentityStore(config);
}
