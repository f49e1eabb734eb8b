import { classNameKey } from './class-name.js';

/** A full name as shown: trimmed, inner whitespace collapsed, case kept. */
export const normalizeFullName = (fullName: string): string => fullName.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Identity of a pupil inside a school's list, so a re-imported list matches the pupils
 * already enrolled: case, whitespace and ё/е differences do not matter.
 * `pupilKey(' Иванова  Алёна ', '3б')` → `03Б|иванова алена`.
 */
export function pupilKey(fullName: string, className: string): string {
  const name = normalizeFullName(fullName).toLowerCase().replace(/ё/g, 'е');
  return `${classNameKey(className)}|${name}`;
}
