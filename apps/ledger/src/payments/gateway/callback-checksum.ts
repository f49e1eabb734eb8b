/**
 * Sberbank's callback checksum: HMAC-SHA256 with the merchant's key over the callback's
 * parameters (all but `checksum` and `sign_alias`) sorted by name, written as
 * `name;value;` one after the other; uppercase hex. The sandbox signs the same way.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const UNSIGNED = new Set(['checksum', 'sign_alias']);

export function callbackChecksum(params: Readonly<Record<string, string>>, key: string): string {
  const text = Object.keys(params)
    .filter((name) => !UNSIGNED.has(name))
    .sort()
    .map((name) => `${name};${params[name]};`)
    .join('');
  return createHmac('sha256', key).update(text, 'utf8').digest('hex').toUpperCase();
}

export function hasValidChecksum(params: Readonly<Record<string, string>>, key: string): boolean {
  const given = params['checksum'];
  if (typeof given !== 'string' || !/^[0-9A-Fa-f]{64}$/.test(given)) return false;
  const expected = Buffer.from(callbackChecksum(params, key), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** What a verified Sberbank-style callback says: `operation` + `status` 1/0. */
export function callbackOutcome(params: Readonly<Record<string, string>>): 'paid' | 'declined' | null {
  const succeeded = params['status'] === '1';
  switch (params['operation']) {
    case 'deposited':
      return succeeded ? 'paid' : 'declined';
    case 'declinedByTimeout':
      return 'declined';
    default:
      // approved (two-stage hold), reversed, refunded: not a payment outcome of a one-stage order
      return null;
  }
}
