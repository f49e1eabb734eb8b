import { classNameKey } from './class-name.js';

/**
 * Text that normalizeFullName leaves as it is: words of ASCII, Latin-1/Latin Extended or
 * Cyrillic letters without combining marks (each already NFC, no pair composes: the tests
 * check every one), separated by single spaces. Names and canteen items (every sale has
 * some) nearly always look like this, and the test is far cheaper than normalising.
 */
const ALREADY_NORMAL =
  /^[!-~\u00a1-\u02ff\u0400-\u0482\u048a-\u04ff]+(?: [!-~\u00a1-\u02ff\u0400-\u0482\u048a-\u04ff]+)*$/;

/** A full name as shown: NFC, trimmed, inner whitespace collapsed, case kept. */
export const normalizeFullName = (fullName: string): string =>
  ALREADY_NORMAL.test(fullName) ? fullName : fullName.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Identity of a pupil inside a school's list, so a re-imported list matches the pupils
 * already enrolled: case, whitespace and ё/е differences do not matter.
 * `pupilKey(' Иванова  Алёна ', '3б')` → `03Б|иванова алена`.
 */
export function pupilKey(fullName: string, className: string): string {
  const name = normalizeFullName(fullName).toLowerCase().replace(/ё/g, 'е');
  return `${classNameKey(className)}|${name}`;
}
