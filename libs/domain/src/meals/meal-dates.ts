/** Calendar dates `YYYY-MM-DD` of meal management (municipality time), compared as text. */
import { invalidDate } from './meal-errors.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export const isCalendarDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  // month 13 or day 32 make an invalid Date (whose toISOString throws); 02-30 rolls over
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

export function requireCalendarDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) throw invalidDate(field);
  return value;
}

const epochDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The date `days` later (earlier when negative). */
export const addDays = (date: string, days: number): string =>
  new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);
