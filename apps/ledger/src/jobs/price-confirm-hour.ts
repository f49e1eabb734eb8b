import { businessDate } from '@meals/domain';

/** The wall-clock hour (0–23) of an instant in a time zone. */
function hourIn(now: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now);
  return Number(hour);
}

/** True once `date`'s `hour` has come in the municipality: any later day, or that day from that hour on. */
export function hourReached(now: Date, date: string, hour: number, timeZone: string): boolean {
  const today = businessDate(now.toISOString(), timeZone);
  return today > date || (today === date && hourIn(now, timeZone) >= hour);
}
