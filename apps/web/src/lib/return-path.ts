/**
 * Where a form may send the parent back to: one of the cabinet's own pages, never a URL from
 * elsewhere (an open redirect). Anything else goes to the profile. The page's own query (the
 * statement's period) comes along, rebuilt from the names that page reads and short plain
 * values only: nothing of the original text but those values reaches the redirect.
 */
const CABINET_PAGES = new Map<string, readonly string[]>([
  ['/profile', []],
  ['/report', ['from', 'to', 'details']],
  ['/top-up', []],
  ['/family', []],
]);

/** Dates (2026-12-06) and flags (on): letters, digits and "-". */
const PLAIN_VALUE = /^[0-9A-Za-z-]{1,32}$/;
/** far above any query a cabinet page makes; longer input is not parsed at all */
const MAX_RETURN_PATH = 512;

export function cabinetReturnPath(value: string | undefined | null): string {
  if (!value || value.length > MAX_RETURN_PATH) return '/profile';
  const queryStart = value.indexOf('?');
  const path = queryStart === -1 ? value : value.slice(0, queryStart);
  const names = CABINET_PAGES.get(path);
  if (!names) return '/profile';
  if (queryStart === -1) return path;
  const given = new URLSearchParams(value.slice(queryStart + 1));
  const kept = new URLSearchParams();
  for (const name of names) {
    const found = given.get(name);
    if (found !== null && PLAIN_VALUE.test(found)) kept.set(name, found);
  }
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}
