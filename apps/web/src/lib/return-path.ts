/**
 * Where a form may send the parent back to: one of the cabinet's own pages, never a URL from
 * elsewhere (an open redirect). Anything else goes to the profile.
 */
const CABINET_PAGES = ['/profile', '/report', '/top-up', '/family'];

export function cabinetReturnPath(value: string | undefined | null): string {
  return value && CABINET_PAGES.includes(value) ? value : '/profile';
}
