/**
 * Finds the web session behind the cookie and keeps parents on the pages they may open:
 * signed-out visitors go to «Вход», a parent with a temporary password to «Смена пароля».
 */
import { redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { SESSION_COOKIE, findSession } from '#lib/server/sessions.ts';

const PUBLIC_PATHS = ['/login', '/terms', '/email/confirm', '/password/forgot', '/password/reset'];
const WHILE_CHANGING_PASSWORD = ['/password/change', '/logout', '/terms'];

const isUnder = (path: string, prefixes: string[]) =>
  prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

export const handle: Handle = async ({ event, resolve }) => {
  const sessionId = event.cookies.get(SESSION_COOKIE);
  const session = findSession(sessionId);
  event.locals.sessionId = session ? sessionId : undefined;
  event.locals.session = session;

  const path = event.url.pathname;
  const isAsset = path.startsWith('/_app/') || path === '/favicon.svg' || path === '/robots.txt';
  if (!isAsset && !isUnder(path, PUBLIC_PATHS)) {
    if (!session) redirect(303, '/login');
    if (session.mustChangePassword && !isUnder(path, WHILE_CHANGING_PASSWORD)) redirect(303, '/password/change');
  }

  const response = await resolve(event);
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'same-origin');
  return response;
};
