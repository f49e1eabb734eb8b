/**
 * Session tokens of staff and parents: `s1.<payload>.<HMAC-SHA256(payload)>`, both parts
 * base64url. The payload names the subject (a username, or `parent:<accountNumber>`), the
 * expiry, the session's id (logout revokes it in the identity store) and, for a parent
 * signed in with a temporary password, that it may only change the password. A staff
 * user's role and scope are read from the identity store on every request, so a changed
 * user takes effect at once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_TOKEN_PREFIX = 's1.';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

interface SessionPayload {
  sub: string;
  /** expiry, ms since epoch */
  exp: number;
  /** session id (tokens issued before logout existed have none) */
  sid?: string;
  /** must change the password first */
  mcp?: true;
}

export interface IssuedSession {
  token: string;
  expiresAt: string;
}

export interface VerifiedSession {
  subject: string;
  sessionId: string | null;
  expiresAt: string;
  mustChangePassword: boolean;
}

export class SessionTokens {
  constructor(private readonly secret: string) {}

  issue(subject: string, now: Date, options: { mustChangePassword?: boolean } = {}): IssuedSession {
    const exp = now.getTime() + SESSION_TTL_MS;
    const claims: SessionPayload = { sub: subject, exp, sid: randomBytes(16).toString('base64url') };
    if (options.mustChangePassword) claims.mcp = true;
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${SESSION_TOKEN_PREFIX}${payload}.${this.sign(payload)}`, expiresAt: new Date(exp).toISOString() };
  }

  /** The subject (username), or null when the token is forged, malformed or expired. */
  verify(token: string, now: Date): string | null {
    return this.open(token, now)?.subject ?? null;
  }

  /** What the token says, or null when it is forged, malformed or expired. */
  open(token: string, now: Date): VerifiedSession | null {
    if (!token.startsWith(SESSION_TOKEN_PREFIX)) return null;
    const [payload, signature, extra] = token.slice(SESSION_TOKEN_PREFIX.length).split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SessionPayload>;
      if (typeof parsed.sub !== 'string' || typeof parsed.exp !== 'number') return null;
      if (parsed.exp <= now.getTime()) return null;
      return {
        subject: parsed.sub,
        sessionId: typeof parsed.sid === 'string' ? parsed.sid : null,
        expiresAt: new Date(parsed.exp).toISOString(),
        mustChangePassword: parsed.mcp === true,
      };
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
