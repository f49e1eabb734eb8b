/** Money on screen: integer kopecks in, `8,04 руб.` out (one helper for every page and the xlsx). */
export function formatKopecks(kopecks: number): string {
  const sign = kopecks < 0 ? '−' : '';
  const abs = Math.abs(kopecks);
  const rubles = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${rubles},${rest} руб.`;
}

/**
 * A typed amount in rubles (`500`, `500,5`, `1 250.75`) as integer kopecks, or null when it is
 * not a plain positive amount with at most two decimals.
 */
export function parseRublesToKopecks(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, rubles, fraction = ''] = match;
  return Number(rubles) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Kopecks as roubles the way a parent types them back into a field: `30000` → `300`, `15050` → `150,50`. */
export function kopecksAsRublesInput(kopecks: number): string {
  const rubles = Math.trunc(kopecks / 100);
  const rest = Math.abs(kopecks % 100);
  return rest === 0 ? String(rubles) : `${rubles},${String(rest).padStart(2, '0')}`;
}
