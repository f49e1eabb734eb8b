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
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, SECRET_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  // 'wx' fails if another process created the file meanwhile: then read theirs.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}
