/** Kopecks as the till shows and prints them: `34,50 ₽` on screen, `34,50 руб.` on paper (cp866 has no ₽). */
export function rubles(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}

export const printedRubles = (kopecks: number): string => `${rubles(kopecks)} руб.`;
