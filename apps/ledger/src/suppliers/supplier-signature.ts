/**
 * Deliveries to an HTTP supplier are signed: `X-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body with SUPPLIER_SECRET>`, so the supplier can tell them from forgeries.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-signature';

export const signBody = (body: string, secret: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** For suppliers (and the tests' fake one): true when `signature` is the body's, in constant time. */
export function isSignedBody(body: string, signature: string | undefined, secret: string): boolean {
  if (signature === undefined) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
