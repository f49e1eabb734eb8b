import {
  CANTEEN_MENU,
  checkTotal,
  MAX_CHECK_LINES,
  randomCheckLines,
  seededRandom,
  type MealKind,
} from '@meals/demo-data';

const MEALS: readonly MealKind[] = ['breakfast', 'lunch', 'snack'];

describe('canteen checks', () => {
  it('are the same for the same seed', () => {
    const checks = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, (_, i) => randomCheckLines(random, MEALS[i % MEALS.length]!));
    };
    expect(checks(42)).toEqual(checks(42));
    expect(checks(42)).not.toEqual(checks(43));
  });

  it('hold 1..5 distinct menu items at menu prices', () => {
    const prices = new Map(CANTEEN_MENU.map((item) => [item.name, item.price]));
    const random = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const lines = randomCheckLines(random, MEALS[i % MEALS.length]!);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(MAX_CHECK_LINES);
      expect(new Set(lines.map((line) => line.name)).size).toBe(lines.length);
      for (const line of lines) {
        expect(line.price).toBe(prices.get(line.name));
        expect(line.qty).toBeGreaterThanOrEqual(1);
      }
      expect(checkTotal(lines)).toBe(lines.reduce((sum, line) => sum + line.qty * line.price, 0));
    }
  });
});
