import { businessDate } from '@meals/domain';

/**
 * Memoises the domain's businessDate per hour: formatting a date in a time zone costs
 * ~1.7 µs and a rebuild asks for it per event. An hour (as spelled in the instant, with its
 * offset) is cached only when its first and last millisecond fall on the same local date;
 * hours that straddle midnight (zones with half-hour offsets) are computed every time.
 */
export class BusinessDateCache {
  /** hour key → its local date, or null when the hour straddles a local midnight */
  private readonly hours = new Map<string, string | null>();

  constructor(
    readonly timeZone: string,
    private readonly limit = 100_000,
  ) {}

  dateOf(isoInstant: string): string {
    const hour = splitHour(isoInstant);
    if (hour === null) return businessDate(isoInstant, this.timeZone);
    const key = hour.prefix + hour.offset;
    let date = this.hours.get(key);
    if (date === undefined) {
      const first = businessDate(`${hour.prefix}:00:00.000${hour.offset}`, this.timeZone);
      const last = businessDate(`${hour.prefix}:59:59.999${hour.offset}`, this.timeZone);
      date = first === last ? first : null;
      if (this.hours.size >= this.limit) this.hours.clear();
      this.hours.set(key, date);
    }
    return date ?? businessDate(isoInstant, this.timeZone);
  }
}

/** `2025-09-01T09:15:42.123+03:00` → `2025-09-01T09` and `+03:00`; null for other spellings. */
function splitHour(iso: string): { prefix: string; offset: string } | null {
  if (iso.length < 17 || iso[10] !== 'T' || iso[13] !== ':') return null;
  if (iso.endsWith('Z')) return { prefix: iso.slice(0, 13), offset: 'Z' };
  const sign = iso[iso.length - 6];
  if ((sign === '+' || sign === '-') && iso[iso.length - 3] === ':') {
    return { prefix: iso.slice(0, 13), offset: iso.slice(-6) };
  }
  return null;
}
