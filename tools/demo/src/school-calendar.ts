/**
 * Dates and times of the demo city. Sochi keeps Moscow time, and Europe/Moscow has had
 * a fixed UTC+3 offset without daylight saving since 2014, so local wall-clock times
 * convert to instants with plain arithmetic.
 */
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Public holidays (MM-DD) on which schools are closed; the New Year break runs to 8 January. */
const PUBLIC_HOLIDAYS = new Set([
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
]);

const dateOfUtcMidnight = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);
const utcMidnightOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** `YYYY-MM-DD` of an instant in Moscow. */
export const moscowDate = (instant: Date): string => dateOfUtcMidnight(instant.getTime() + MOSCOW_OFFSET_MS);

export const addDays = (date: string, days: number): string => dateOfUtcMidnight(utcMidnightOf(date) + days * DAY_MS);

/** 0 = Sunday … 6 = Saturday */
export const weekday = (date: string): number => new Date(utcMidnightOf(date)).getUTCDay();

export const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

export const isSchoolDay = (date: string): boolean => !isWeekend(date) && !PUBLIC_HOLIDAYS.has(date.slice(5));

/** The same day `months` calendar months earlier (clamped to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return dateOfUtcMidnight(target.getTime());
}

/** School days (Mon–Fri, not public holidays) in [from, to], ascending. */
export function schoolDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isSchoolDay(date)) days.push(date);
  }
  return days;
}

/** The last `count` school days strictly before `today`, ascending. */
export function lastSchoolDays(today: string, count: number): string[] {
  const days: string[] = [];
  for (let date = addDays(today, -1); days.length < count; date = addDays(date, -1)) {
    if (isSchoolDay(date)) days.unshift(date);
  }
  return days;
}

/** ISO instant (UTC) of a Moscow wall-clock time; `minuteOfDay` may exceed a day's length. */
export const moscowInstant = (date: string, minuteOfDay: number, second = 0): string =>
  new Date(utcMidnightOf(date) - MOSCOW_OFFSET_MS + (minuteOfDay * 60 + second) * 1000).toISOString();
