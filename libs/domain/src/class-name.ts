/** Latin letters typed instead of the Cyrillic ones they look like (lists come from spreadsheets). */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

const CLASS_NAME = /^(\d{1,2})([А-ЯЁ])$/;
export const MIN_GRADE = 1;
export const MAX_GRADE = 11;

function looseClassName(raw: string): string {
  return raw
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s\-.]/g, '')
    .replace(/[ABCEHKMOPTXY]/g, (latin) => LATIN_LOOKALIKES[latin]!);
}

/**
 * `3б`, `03Б`, `3 - б`, `3B` (Latin) → `03Б`: a 2-digit grade 01–11 and an uppercase
 * Cyrillic letter. Null when the text is not a class name.
 */
export function normalizeClassName(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 20) return null;
  const match = CLASS_NAME.exec(looseClassName(raw));
  if (!match) return null;
  const grade = Number(match[1]);
  if (grade < MIN_GRADE || grade > MAX_GRADE) return null;
  return String(grade).padStart(2, '0') + match[2]!;
}

/** Class part of a pupil key: the normalized class, or a loose form when it is not one. */
export const classNameKey = (raw: string): string => normalizeClassName(raw) ?? looseClassName(raw);
