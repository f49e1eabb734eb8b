/**
 * API keys of tills, banks and integrations: 32 random bytes shown once; only the
 * SHA-256 of the key is stored, and lookups go by that hash (a key has full entropy, so
 * a fast hash is enough and the lookup leaks nothing useful through timing).
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'mk_';

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX) && token.length === API_KEY_PREFIX.length + 43;
}
