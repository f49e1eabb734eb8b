/**
 * «Хватит примерно на N учебных дней»: the balance divided by the average spending of the recent
 * days with any spending (school days; weekends and holidays spend nothing and do not count).
 */
export function schoolDaysLeft(balance: number, daily: ReadonlyArray<{ debit: number }>): number | null {
  const spendingDays = daily.filter((day) => day.debit > 0);
  if (spendingDays.length === 0 || balance <= 0) return null;
  const average = spendingDays.reduce((sum, day) => sum + day.debit, 0) / spendingDays.length;
  return Math.floor(balance / average);
}

/** `1 учебный день`, `3 учебных дня`, `5 учебных дней`. */
export function schoolDaysRu(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return `${count} учебных дней`;
  if (last === 1) return `${count} учебный день`;
  if (last >= 2 && last <= 4) return `${count} учебных дня`;
  return `${count} учебных дней`;
}
