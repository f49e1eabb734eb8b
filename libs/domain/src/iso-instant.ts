/** An ISO-8601 instant with a date, a time and an explicit offset (`Z` or `±hh:mm`). */
const ISO_INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True for a real calendar instant such as `2024-01-18T09:30:00+03:00` (JS Date.parse would also take `02-30`). */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  return match !== null && Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]));
}
