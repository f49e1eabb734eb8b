import { formatDateRu, isCalendarDate, lastDays, todayInMoscow } from '../src/lib/dates.js';

describe('statement dates', () => {
  it('takes today from Moscow time', () => {
    expect(todayInMoscow(new Date('2026-12-06T21:30:00Z'))).toBe('2026-12-07');
    expect(todayInMoscow(new Date('2026-12-06T20:59:00Z'))).toBe('2026-12-06');
  });

  it('counts quick ranges with both ends included', () => {
    expect(lastDays('2026-03-16', 2)).toEqual({ from: '2026-03-15', to: '2026-03-16' });
    expect(lastDays('2026-03-16', 14)).toEqual({ from: '2026-03-03', to: '2026-03-16' });
    expect(lastDays('2026-03-01', 30)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('shows dates as the seed report does', () => {
    expect(formatDateRu('2018-01-16')).toBe('16.01.2018');
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '<x>', ''])('refuses %j as a date', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });
});
