/** Calendar dates (`YYYY-MM-DD`, Moscow business days) for the statement period. */
const DAY_MS = 24 * 60 * 60 * 1000;
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

export type QuickRange = '2d' | '2w' | '30d';

export const QUICK_RANGES: ReadonlyArray<{ id: QuickRange; label: string; days: number }> = [
  { id: '2d', label: '2 дня', days: 2 },
  { id: '2w', label: '2 недели', days: 14 },
  { id: '30d', label: '30 дней', days: 30 },
];

/** Today's business date in Moscow. */
export function todayInMoscow(now: Date): string {
  return new Date(now.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** The period of `days` calendar days that ends today (both ends included). */
export function lastDays(today: string, days: number): { from: string; to: string } {
  const from = new Date(Date.parse(today) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to: today };
}

/** `2018-01-16` → `16.01.2018` as in the seed's report. */
export function formatDateRu(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}
