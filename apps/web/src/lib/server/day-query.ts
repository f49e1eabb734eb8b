/** The day a staff page shows (`?date=`), today in the municipality when absent or malformed. */
import { isCalendarDate, todayInMoscow } from '#lib/dates.ts';

export function dayOf(url: URL, now = new Date()): { date: string; today: string; problem: string | null } {
  const today = todayInMoscow(now);
  const asked = url.searchParams.get('date');
  if (asked === null || asked === '') return { date: today, today, problem: null };
  if (!isCalendarDate(asked)) return { date: today, today, problem: 'Дата указана неверно: показан текущий день.' };
  return { date: asked, today, problem: null };
}
