/** `<school>-<6-digit seq>`, e.g. `24-001983`. */
const CHECK_NUMBER = /^([1-9]\d{0,2})-(\d{6})$/;

export const isValidCheckNumber = (value: unknown): value is string =>
  typeof value === 'string' && CHECK_NUMBER.test(value);

/** The school id a check number belongs to (`24-001983` → `24`), null when malformed. */
export function checkNumberSchool(value: string): string | null {
  const match = CHECK_NUMBER.exec(value);
  return match ? match[1]! : null;
}
