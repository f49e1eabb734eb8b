/** The session cookie: httpOnly, SameSite=Lax, Secure over https, expiring with the ledger token. */
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '#lib/server/sessions.ts';

export function setSessionCookie(cookies: Cookies, url: URL, id: string, expiresAtMs: number): void {
  cookies.set(SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: new Date(expiresAtMs),
  });
}
