/**
 * Turns an `Authorization: Bearer <token>` header into a principal: a session token of a
 * staff user or a parent (HMAC-signed, see SessionTokens; refused once logged out) or an
 * API key (looked up by its SHA-256). Keys are looked up on every request, never cached:
 * a key revoked from the CLI (another process) is refused at once. The lookup is one
 * primary-key read of the identity store, cheap next to the sale it authorises.
 */
import { Inject, Injectable } from '@nestjs/common';
import { looksLikeApiKey, hashApiKey } from '../identity/api-keys.js';
import { IdentityDirectory } from '../identity/identity-directory.js';
import { parentPrincipal, parentOfSubject } from '../identity/parent-principal.js';
import type { Principal } from '../identity/principal.js';
import { SessionTokens } from '../identity/session-tokens.js';
import type { IdentityStore } from '../identity/store/identity-store.port.js';
import { CLOCK, IDENTITY_STORE, type Clock } from '../infrastructure/tokens.js';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,2048})$/;

@Injectable()
export class Authenticator {
  constructor(
    private readonly directory: IdentityDirectory,
    private readonly sessions: SessionTokens,
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Principal | null> {
    const token = authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
    if (!token) return null;
    const now = this.clock();
    if (looksLikeApiKey(token)) return this.directory.principalForKeyHash(hashApiKey(token));
    const session = this.sessions.open(token, now);
    if (!session) return null;
    if (session.sessionId !== null && (await this.store.isSessionRevoked(session.sessionId))) return null;
    const sessionInfo =
      session.sessionId === null ? {} : { session: { id: session.sessionId, expiresAt: session.expiresAt } };
    const parentAccount = parentOfSubject(session.subject);
    if (parentAccount !== null) {
      return { ...parentPrincipal(parentAccount, session.mustChangePassword), ...sessionInfo };
    }
    const principal = await this.directory.principalForUser(session.subject);
    return principal && { ...principal, ...sessionInfo };
  }
}
