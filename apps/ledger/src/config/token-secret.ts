/**
 * The key that signs staff session tokens. In the embedded profile it is generated once
 * into DATA_DIR (readable by the owner only) so that `npm start` needs no setup; the
 * distributed profile runs several ledger instances that must share it, so there it has
 * to come from TOKEN_SECRET.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type LedgerConfig } from './ledger-config.js';

const SECRET_FILE = 'token-secret';

export function resolveTokenSecret(config: LedgerConfig): string {
  if (config.tokenSecret) return config.tokenSecret;
  const embedded = config.eventStore.kind === 'sqlite' && config.readModelStore.kind === 'sqlite';
  if (!embedded) {
    throw new ConfigError('TOKEN_SECRET is required outside the embedded (SQLite) profile');
  }
  return generatedSecret(config.dataDir, SECRET_FILE);
}

/**
 * A secret generated once into `dataDir/<file>` (owner-only), or the one a process wrote
 * there before: what the embedded profile uses instead of a secret from the environment.
 */
export function generatedSecret(dataDir: string, file: string): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  // 'wx' fails if another process created the file meanwhile: then read theirs.
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(path, 'utf8').trim();
  }
}
