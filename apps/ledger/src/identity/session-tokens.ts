/**
 * Staff session tokens: `s1.<payload>.<HMAC-SHA256(payload)>`, both parts base64url.
 * The payload names the user and the expiry only; role and scope are read from the
 * identity store on every request, so a changed user takes effect at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_TOKEN_PREFIX = 's1.';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

interface SessionPayload {
  sub: string;
  /** expiry, ms since epoch */
  exp: number;
}

export interface IssuedSession {
  token: string;
  expiresAt: string;
}

export class SessionTokens {
  constructor(private readonly secret: string) {}

  issue(username: string, now: Date): IssuedSession {
    const exp = now.getTime() + SESSION_TTL_MS;
    const payload = Buffer.from(JSON.stringify({ sub: username, exp } satisfies SessionPayload)).toString('base64url');
    return { token: `${SESSION_TOKEN_PREFIX}${payload}.${this.sign(payload)}`, expiresAt: new Date(exp).toISOString() };
  }

  /** The username, or null when the token is forged, malformed or expired. */
  verify(token: string, now: Date): string | null {
    if (!token.startsWith(SESSION_TOKEN_PREFIX)) return null;
    const [payload, signature, extra] = token.slice(SESSION_TOKEN_PREFIX.length).split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SessionPayload>;
      if (typeof parsed.sub !== 'string' || typeof parsed.exp !== 'number') return null;
      return parsed.exp > now.getTime() ? parsed.sub : null;
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
