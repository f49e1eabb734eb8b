/**
 * Finds the web session behind the cookie and keeps parents on the pages they may open:
 * signed-out visitors go to «Вход», a parent with a temporary password to «Смена пароля».
 * The staff side (`/staff`) has its own cookie and sessions and sends visitors to its own sign-in.
 */
import { redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { SESSION_COOKIE, findSession } from '#lib/server/sessions.ts';
import { STAFF_SESSION_COOKIE, findStaffSession } from '#lib/server/staff-sessions.ts';

const PUBLIC_PATHS = ['/login', '/terms', '/email/confirm', '/password/forgot', '/password/reset'];
const WHILE_CHANGING_PASSWORD = ['/password/change', '/logout', '/terms'];

const isUnder = (path: string, prefixes: string[]) =>
  prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

const STAFF_PUBLIC_PATHS = ['/staff/login'];

export const handle: Handle = async ({ event, resolve }) => {
  const path = event.url.pathname;
  if (isUnder(path, ['/staff'])) {
    const staffSessionId = event.cookies.get(STAFF_SESSION_COOKIE);
    const staffSession = findStaffSession(staffSessionId);
    event.locals.staffSessionId = staffSession ? staffSessionId : undefined;
    event.locals.staff = staffSession;
    event.locals.sessionId = undefined;
    event.locals.session = undefined;
    if (!staffSession && !isUnder(path, STAFF_PUBLIC_PATHS)) redirect(303, '/staff/login');
    return secured(await resolve(event));
  }

  const sessionId = event.cookies.get(SESSION_COOKIE);
  const session = findSession(sessionId);
  event.locals.sessionId = session ? sessionId : undefined;
  event.locals.session = session;

  const isAsset = path.startsWith('/_app/') || path === '/favicon.svg' || path === '/robots.txt';
  if (!isAsset && !isUnder(path, PUBLIC_PATHS)) {
    if (!session) redirect(303, '/login');
    if (session.mustChangePassword && !isUnder(path, WHILE_CHANGING_PASSWORD)) redirect(303, '/password/change');
  }

  return secured(await resolve(event));
};

function secured(response: Response): Response {
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'same-origin');
  return response;
}
