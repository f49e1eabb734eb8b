/** One-time tokens in mail links: 32 random bytes; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

export const EMAIL_CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export const generateMailToken = (): string => randomBytes(32).toString('base64url');

export const hashMailToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
