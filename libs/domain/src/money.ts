/** Money is integer kopecks everywhere; roubles exist only in text shown to people. */
export type Kopecks = number;

export const isKopecks = (value: unknown): value is Kopecks => typeof value === 'number' && Number.isSafeInteger(value);

/** `804` → `8,04 руб.`; `-4961` → `-49,61 руб.`; thousands separated by a space. */
export function formatRoubles(amount: Kopecks): string {
  if (!isKopecks(amount)) throw new RangeError(`not an integer amount of kopecks: ${String(amount)}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const roubles = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const kopecks = (abs % 100).toString().padStart(2, '0');
  return `${sign}${roubles},${kopecks} руб.`;
}
